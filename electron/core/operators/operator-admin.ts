import type { OperatorRecord } from '../../../shared/contract/operators'
import type { OperatorRole } from '../../../shared/domain/operators'
import type { Operator, OperatorsRepository } from '../db/tables/operators/repository'
import { KycError, notFound } from '../errors/kyc-error'
import type { AuditLog } from '../queue/audit-log'
import { temporaryPin } from './pin-rules'

export interface OperatorAdminDeps {
  readonly operators: OperatorsRepository
  /**
   * Who acts: the signed-in admin (anyone else is refused with FORBIDDEN, audited), or IT at the
   * command line with the data key (id null).
   */
  readonly requireAdmin: (what: string) => { readonly id: string | null }
  readonly audit: AuditLog
  readonly clock: () => number
}

function toRecord(o: Operator): OperatorRecord {
  return { id: o.id, name: o.name, role: o.role, pinState: o.pinState, createdAt: o.createdAt, disabledAt: o.disabledAt }
}

const lastAdmin = () =>
  new KycError('CONFLICT', 'At least one active admin must remain', undefined, { key: 'operators.lastAdmin' })

/**
 * What an admin does for the branch's staff: add an operator with a temporary PIN, disable and
 * re-enable, reset a forgotten PIN, change roles. Every action is admin-only and audited (the
 * change and its audit event commit in one transaction, or neither does), and none may leave the
 * machine without an active admin.
 */
export class OperatorAdmin {
  constructor(private readonly deps: OperatorAdminDeps) {}

  list(): OperatorRecord[] {
    this.deps.requireAdmin('operators')
    return this.deps.operators.list().map(toRecord)
  }

  /** The new operator signs in once with the temporary PIN, which the admin reads out, and chooses their own. */
  async add(name: string, role: OperatorRole): Promise<{ operator: OperatorRecord; temporaryPin: string }> {
    const admin = this.deps.requireAdmin('operators')
    const pin = temporaryPin()
    const hashed = await this.deps.operators.hashNewPin(pin)
    // Checked in the transaction that inserts, so a second add of the name while hashing is refused too.
    const operator = this.deps.operators.inTransaction(() => {
      if (this.deps.operators.getByName(name)) {
        throw new KycError('CONFLICT', `An operator called "${name}" already exists`, undefined, { key: 'operators.nameTaken', params: { name } })
      }
      const created = this.deps.operators.insert(name, hashed, this.deps.clock(), { role, pinState: 'temporary' })
      this.deps.audit.append({ type: 'operator-created', operatorId: admin.id, details: { created: created.id, role } })
      return created
    })
    return { operator: toRecord(operator), temporaryPin: pin }
  }

  disable(operatorId: string): OperatorRecord {
    const admin = this.deps.requireAdmin('operators')
    if (admin.id !== null && operatorId === admin.id) throw new KycError('CONFLICT', 'You cannot disable yourself', undefined, { key: 'operators.notSelf' })
    const operator = this.deps.operators.inTransaction(() => {
      const target = this.existing(operatorId)
      if (target.role === 'admin' && target.disabledAt === null && this.deps.operators.activeAdminCount() <= 1) throw lastAdmin()
      this.deps.operators.disable(operatorId, this.deps.clock())
      this.deps.audit.append({ type: 'operator-disabled', operatorId: admin.id, details: { operator: operatorId } })
      return this.existing(operatorId)
    })
    return toRecord(operator)
  }

  enable(operatorId: string): OperatorRecord {
    const admin = this.deps.requireAdmin('operators')
    const operator = this.deps.operators.inTransaction(() => {
      this.existing(operatorId)
      this.deps.operators.enable(operatorId)
      this.deps.audit.append({ type: 'operator-enabled', operatorId: admin.id, details: { operator: operatorId } })
      return this.existing(operatorId)
    })
    return toRecord(operator)
  }

  /** A new temporary PIN: the old PIN stops working, and the operator must choose a new one. */
  async resetPin(operatorId: string): Promise<{ operator: OperatorRecord; temporaryPin: string }> {
    const admin = this.deps.requireAdmin('operators')
    this.existing(operatorId)
    const pin = temporaryPin()
    const hashed = await this.deps.operators.hashNewPin(pin)
    const operator = this.deps.operators.inTransaction(() => {
      this.deps.operators.putPin(operatorId, hashed, 'temporary')
      this.deps.operators.clearFailures(operatorId)
      this.deps.audit.append({ type: 'pin-reset', operatorId: admin.id, details: { operator: operatorId } })
      return this.existing(operatorId)
    })
    return { operator: toRecord(operator), temporaryPin: pin }
  }

  setRole(operatorId: string, role: OperatorRole): OperatorRecord {
    const admin = this.deps.requireAdmin('operators')
    const operator = this.deps.operators.inTransaction(() => {
      const target = this.existing(operatorId)
      if (target.role === 'admin' && role !== 'admin' && target.disabledAt === null && this.deps.operators.activeAdminCount() <= 1) throw lastAdmin()
      this.deps.operators.setRole(operatorId, role)
      if (target.role !== role) this.deps.audit.append({ type: 'operator-role-changed', operatorId: admin.id, details: { operator: operatorId, from: target.role, to: role } })
      return this.existing(operatorId)
    })
    return toRecord(operator)
  }

  private existing(operatorId: string): Operator {
    const operator = this.deps.operators.get(operatorId)
    if (!operator) throw notFound('operator')
    return operator
  }
}
