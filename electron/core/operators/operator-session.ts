import type { OperatorStatus, SignedInOperator } from '../../../shared/contract/operators'
import type { OperatorRole, UiLanguage } from '../../../shared/domain/operators'
import type { Operator, OperatorsRepository } from '../db/tables/operators/repository'
import { KycError } from '../errors/kyc-error'
import type { AuditLog } from '../queue/audit-log'
import { assertGoodPin } from './pin-rules'
import { maxFailedAttempts, SignInThrottle } from './sign-in-throttle'

export type LockReason = 'idle' | 'signed-out' | 'disabled'

export interface OperatorSessionDeps {
  readonly operators: OperatorsRepository
  readonly audit: AuditLog
  readonly clock: () => number
  readonly lockAfterIdleMinutes: () => number
  readonly onLocked: (reason: LockReason) => void
}

/** Who is calling, read from the database on every call so a disable or a demotion applies at once. */
export interface Caller {
  readonly id: string
  readonly role: OperatorRole
  /** Signed in with a temporary PIN: only changing it is allowed. */
  readonly mustChangePin: boolean
}

/**
 * Who is at the counter. One operator is signed in at a time; the session locks itself after the
 * configured idle minutes (checked on every use and by a timer), and wrong PINs are held off by
 * the SignInThrottle. Every sign-in, failure, lock and sign-out goes into the audit log.
 */
export class OperatorSession {
  private signedInId: string | null = null
  private lastActivity = 0
  private readonly throttle: SignInThrottle

  constructor(private readonly deps: OperatorSessionDeps) {
    this.throttle = new SignInThrottle(deps.operators, deps.clock)
  }

  status(): OperatorStatus {
    const current = this.current()
    const operators = this.activeOperators()
    return {
      setupRequired: operators.length === 0,
      signedIn: current ? signedInView(current) : null,
      operators: operators.map((o) => ({ id: o.id, name: o.name })),
      lockAfterIdleMinutes: this.deps.lockAfterIdleMinutes(),
    }
  }

  /** First run only: the first operator is an admin and is signed in at once. Later ones come from an admin. */
  async create(name: string, pin: string): Promise<OperatorStatus> {
    this.assertSetupRequired()
    assertGoodPin(pin)
    const hashed = await this.deps.operators.hashNewPin(pin)
    // Checked again where the admin is inserted: two set-ups racing through the hashing make one admin.
    const operator = this.deps.operators.inTransaction(() => {
      this.assertSetupRequired()
      const created = this.deps.operators.insert(name, hashed, this.deps.clock(), { role: 'admin' })
      this.deps.audit.append({ type: 'operator-created', operatorId: created.id, details: { created: created.id, role: 'admin' } })
      return created
    })
    this.begin(operator.id)
    return this.status()
  }

  async signIn(operatorId: string, pin: string): Promise<OperatorStatus> {
    const result = await this.throttle.attempt(operatorId, () => this.deps.operators.verifyPin(operatorId, pin))
    const operator = this.deps.operators.get(operatorId)
    if (!result.ok || !operator) {
      const failures = result.ok ? 1 : result.failures
      this.deps.audit.append({ type: 'sign-in-failed', operatorId: operator ? operatorId : null, details: { attempt: failures } })
      const left = maxFailedAttempts - failures
      const message = left > 0 ? `Wrong PIN (${left} attempt${left === 1 ? '' : 's'} left)` : 'Wrong PIN: sign-in is held off for 5 minutes'
      throw new KycError('INVALID_INPUT', message, [{ field: 'pin', code: 'pin.wrong', severity: 'error', message: 'Wrong PIN' }], {
        key: left > 0 ? 'signIn.wrongPin' : 'signIn.wrongPinHeldOff',
        params: { n: left > 0 ? left : 5 },
      })
    }
    if (operator.pinState === 'temporary-used') {
      this.deps.audit.append({ type: 'sign-in-failed', operatorId, details: { reason: 'temporary-pin-used' } })
      throw new KycError('FORBIDDEN', 'This temporary PIN was already used: ask an admin for a new one', undefined, { key: 'signIn.temporaryUsed' })
    }
    // A temporary PIN is spent by this sign-in, whatever happens next.
    if (operator.pinState === 'temporary' && !this.deps.operators.swapPinState(operatorId, 'temporary', 'temporary-used')) {
      throw new KycError('FORBIDDEN', 'This temporary PIN was already used: ask an admin for a new one', undefined, { key: 'signIn.temporaryUsed' })
    }
    if (this.signedInId && this.signedInId !== operatorId) this.end('signed-out')
    this.begin(operatorId)
    return this.status()
  }

  /** Everyone changes their own PIN, with the current one; a temporary PIN must be changed this way. */
  async changePin(currentPin: string, newPin: string): Promise<OperatorStatus> {
    const caller = this.requireOperator({ allowPinChange: true })
    assertGoodPin(newPin, 'newPin')
    if (currentPin === newPin) {
      throw new KycError('INVALID_INPUT', 'The new PIN must differ from the current one', [{ field: 'newPin', code: 'pin.same', severity: 'error', message: 'The new PIN must differ from the current one' }], { key: 'pin.same' })
    }
    const result = await this.throttle.attempt(caller.id, () => this.deps.operators.verifyPin(caller.id, currentPin))
    if (!result.ok) {
      this.deps.audit.append({ type: 'sign-in-failed', operatorId: caller.id, details: { attempt: result.failures, during: 'pin-change' } })
      throw new KycError('INVALID_INPUT', 'The current PIN is wrong', [{ field: 'currentPin', code: 'pin.wrong', severity: 'error', message: 'The current PIN is wrong' }], {
        key: 'pin.currentWrong',
      })
    }
    const hashed = await this.deps.operators.hashNewPin(newPin)
    // The new PIN and its audit event commit together, or neither does.
    this.deps.operators.inTransaction(() => {
      this.deps.operators.putPin(caller.id, hashed, 'set')
      this.deps.audit.append({ type: 'pin-changed', operatorId: caller.id, details: { operator: caller.id, temporary: caller.mustChangePin } })
    })
    return this.status()
  }

  /** Anyone signed in chooses their own language (also while a temporary PIN waits to be changed). */
  setLanguage(language: UiLanguage): OperatorStatus {
    const caller = this.requireOperator({ allowPinChange: true })
    // The change and its audit event commit together, or neither does.
    this.deps.operators.inTransaction(() => {
      const before = this.deps.operators.get(caller.id)?.language ?? null
      if (before === language) return
      this.deps.operators.setLanguage(caller.id, language)
      this.deps.audit.append({ type: 'language-changed', operatorId: caller.id, details: { from: before, to: language } })
    })
    return this.status()
  }

  signOut(): OperatorStatus {
    if (this.signedInId) this.end('signed-out')
    return this.status()
  }

  /** The operator touched the keyboard or mouse: the idle clock starts again. */
  heartbeat(): { locksAt: number | null } {
    if (!this.current()) return { locksAt: null }
    this.lastActivity = this.deps.clock()
    return { locksAt: this.lastActivity + this.idleMs() }
  }

  /**
   * The signed-in operator, or a LOCKED error the renderer answers with the sign-in screen. One
   * who signed in with a temporary PIN may only change it until they do.
   */
  requireOperator(options: { allowPinChange?: boolean } = {}): Caller {
    const current = this.current()
    if (!current) throw new KycError('LOCKED', 'Sign in to continue', undefined, { key: 'session.signInFirst' })
    const caller: Caller = { id: current.id, role: current.role, mustChangePin: current.pinState !== 'set' }
    if (caller.mustChangePin && !options.allowPinChange) {
      throw new KycError('FORBIDDEN', 'Choose a new PIN first', undefined, { key: 'session.pinChangeRequired' })
    }
    return caller
  }

  /** An admin-only action: others are refused with FORBIDDEN, and the refusal is audited. */
  requireAdmin(what: string): Caller {
    const caller = this.requireOperator()
    if (caller.role !== 'admin') {
      this.deps.audit.append({ type: 'access-refused', operatorId: caller.id, details: { what } })
      throw new KycError('FORBIDDEN', 'Only an admin may do this', undefined, { key: 'session.adminOnly', params: { what } })
    }
    return caller
  }

  currentOperatorId(): string | null {
    return this.current()?.id ?? null
  }

  /** For a timer: locks an idle session, or one whose operator was disabled, and says so. */
  lockIfIdle(): void {
    this.current()
  }

  /** The signed-in operator's row; ends the session when it idled out or the operator was disabled. */
  private current(): Operator | null {
    if (!this.signedInId) return null
    const operator = this.deps.operators.get(this.signedInId)
    if (!operator || operator.disabledAt !== null) {
      this.end('disabled')
      return null
    }
    if (this.deps.clock() - this.lastActivity >= this.idleMs()) {
      this.end('idle')
      return null
    }
    return operator
  }

  private activeOperators(): Operator[] {
    return this.deps.operators.list().filter((o) => o.disabledAt === null)
  }

  /** Only the very first operator is created here: no active operator yet. */
  private assertSetupRequired(): void {
    if (this.activeOperators().length > 0) {
      throw new KycError('CONFLICT', 'This computer is already set up: an admin adds operators', undefined, { key: 'operators.setupDone' })
    }
  }

  private idleMs(): number {
    return this.deps.lockAfterIdleMinutes() * 60_000
  }

  private begin(id: string): void {
    this.signedInId = id
    this.lastActivity = this.deps.clock()
    this.deps.audit.append({ type: 'signed-in', operatorId: id })
  }

  private end(reason: LockReason): void {
    const id = this.signedInId
    this.signedInId = null
    this.deps.audit.append({ type: reason === 'signed-out' ? 'signed-out' : 'locked', operatorId: id, details: { reason } })
    this.deps.onLocked(reason)
  }
}

function signedInView(operator: Operator): SignedInOperator {
  return { id: operator.id, name: operator.name, role: operator.role, mustChangePin: operator.pinState !== 'set', language: operator.language }
}
