import type { OperatorStatus } from '../../../shared/contract/operators'
import { pinProblem, type PinProblem } from '../../../shared/domain/pin'
import type { OperatorsRepository } from '../db/tables/operators/repository'
import { KycError } from '../errors/kyc-error'
import type { AuditLog } from '../queue/audit-log'

export interface OperatorSessionDeps {
  readonly operators: OperatorsRepository
  readonly audit: AuditLog
  readonly clock: () => number
  readonly lockAfterIdleMinutes: () => number
  readonly onLocked: (reason: 'idle' | 'signed-out') => void
}

/** Failed PINs before an operator is held off, and for how long. */
export const maxFailedAttempts = 5
export const lockoutMs = 5 * 60_000

const pinMessages: Record<PinProblem, string> = {
  length: 'The PIN must have 6 to 12 digits',
  'digits-only': 'The PIN may contain digits only',
  repeated: 'The PIN may not be one digit repeated',
  sequence: 'The PIN may not be a run of consecutive digits',
}

/**
 * Who is at the counter. One operator is signed in at a time; the session locks itself after the
 * configured idle minutes (checked on every use and by a timer), and repeated wrong PINs hold an
 * operator off for a while. Every sign-in, failure, lock and sign-out goes into the audit log.
 */
export class OperatorSession {
  private signedIn: { id: string; name: string } | null = null
  private lastActivity = 0
  private readonly failures = new Map<string, { count: number; until: number }>()

  constructor(private readonly deps: OperatorSessionDeps) {}

  status(): OperatorStatus {
    this.lockIfIdle()
    const operators = this.deps.operators.list().filter((o) => o.disabledAt === null)
    return {
      setupRequired: operators.length === 0,
      signedIn: this.signedIn,
      operators: operators.map((o) => ({ id: o.id, name: o.name })),
      lockAfterIdleMinutes: this.deps.lockAfterIdleMinutes(),
    }
  }

  /** The first operator may be created by anyone (first run); later ones only by a signed-in operator. */
  async create(name: string, pin: string): Promise<OperatorStatus> {
    const first = this.status().setupRequired
    if (!first) this.requireOperator()
    const problem = pinProblem(pin)
    if (problem) throw new KycError('INVALID_INPUT', pinMessages[problem], [{ field: 'pin', code: `pin.${problem}`, severity: 'error', message: pinMessages[problem] }])
    if (this.deps.operators.list().some((o) => o.name === name && o.disabledAt === null)) {
      throw new KycError('CONFLICT', `An operator called "${name}" already exists`)
    }
    const operator = await this.deps.operators.create(name, pin, this.deps.clock())
    this.deps.audit.append({ type: 'operator-created', operatorId: this.signedIn?.id ?? operator.id, details: { created: operator.id } })
    if (first) this.begin(operator.id, operator.name)
    return this.status()
  }

  async signIn(operatorId: string, pin: string): Promise<OperatorStatus> {
    const now = this.deps.clock()
    const held = this.failures.get(operatorId)
    if (held && held.count >= maxFailedAttempts && held.until > now) {
      const minutes = Math.ceil((held.until - now) / 60_000)
      throw new KycError('LOCKED', `Too many wrong PINs: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`)
    }
    const operator = this.deps.operators.get(operatorId)
    if (!operator || !(await this.deps.operators.verifyPin(operatorId, pin))) {
      const count = (held && held.until > now ? held.count : 0) + 1
      this.failures.set(operatorId, { count, until: now + lockoutMs })
      this.deps.audit.append({ type: 'sign-in-failed', operatorId: operator ? operatorId : null, details: { attempt: count } })
      const left = maxFailedAttempts - count
      throw new KycError('INVALID_INPUT', left > 0 ? `Wrong PIN (${left} attempt${left === 1 ? '' : 's'} left)` : 'Wrong PIN: sign-in is held off for 5 minutes', [
        { field: 'pin', code: 'pin.wrong', severity: 'error', message: 'Wrong PIN' },
      ])
    }
    this.failures.delete(operatorId)
    this.begin(operator.id, operator.name)
    return this.status()
  }

  signOut(): OperatorStatus {
    if (this.signedIn) this.end('signed-out')
    return this.status()
  }

  /** The operator touched the keyboard or mouse: the idle clock starts again. */
  heartbeat(): { locksAt: number | null } {
    this.lockIfIdle()
    if (!this.signedIn) return { locksAt: null }
    this.lastActivity = this.deps.clock()
    return { locksAt: this.lastActivity + this.idleMs() }
  }

  /** The signed-in operator's id, or a LOCKED error the renderer answers with the sign-in screen. */
  requireOperator(): string {
    this.lockIfIdle()
    if (!this.signedIn) throw new KycError('LOCKED', 'Sign in to continue')
    return this.signedIn.id
  }

  currentOperatorId(): string | null {
    this.lockIfIdle()
    return this.signedIn?.id ?? null
  }

  /** For a timer: locks an idle session and says so. */
  lockIfIdle(): void {
    if (this.signedIn && this.deps.clock() - this.lastActivity >= this.idleMs()) this.end('idle')
  }

  private idleMs(): number {
    return this.deps.lockAfterIdleMinutes() * 60_000
  }

  private begin(id: string, name: string): void {
    this.signedIn = { id, name }
    this.lastActivity = this.deps.clock()
    this.deps.audit.append({ type: 'signed-in', operatorId: id })
  }

  private end(reason: 'idle' | 'signed-out'): void {
    const id = this.signedIn?.id ?? null
    this.signedIn = null
    this.deps.audit.append({ type: reason === 'idle' ? 'locked' : 'signed-out', operatorId: id })
    this.deps.onLocked(reason)
  }
}
