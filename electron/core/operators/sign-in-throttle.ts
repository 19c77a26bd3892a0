import type { OperatorsRepository } from '../db/tables/operators/repository'
import { KycError } from '../errors/kyc-error'

/** Wrong PINs in a row before an operator is held off, and for how long after the last one. */
export const maxFailedAttempts = 5
export const lockoutMs = 5 * 60_000
/** Across all operators: failures allowed before every further attempt waits, doubling to the cap. */
export const machineFreeFailures = 10
export const machineBackoffCapMs = 5 * 60_000
/** Machine-wide failures older than this no longer count. */
export const machineWindowMs = 30 * 60_000
const machine = '*'

export type AttemptResult = { readonly ok: true } | { readonly ok: false; readonly failures: number }

export function machineBackoffMs(failures: number): number {
  if (failures < machineFreeFailures) return 0
  return Math.min(1_000 * 2 ** (failures - machineFreeFailures), machineBackoffCapMs)
}

/**
 * The PIN hold-off. Each attempt is counted on disk before the hash is checked and taken back
 * only when the PIN was right, so parallel guesses all count and a restart forgets nothing; the
 * attempts for one operator run one at a time, and a machine-wide back-off slows guessing that
 * spreads across operators.
 */
export class SignInThrottle {
  private readonly chains = new Map<string, Promise<unknown>>()

  constructor(
    private readonly operators: OperatorsRepository,
    private readonly clock: () => number,
  ) {}

  /** Runs `check` for one attempt, or throws LOCKED without running it when held off. */
  attempt(operatorId: string, check: () => Promise<boolean>): Promise<AttemptResult> {
    const previous = this.chains.get(operatorId) ?? Promise.resolve()
    const next = previous.catch(() => undefined).then(() => this.run(operatorId, check))
    this.chains.set(operatorId, next)
    const forget = () => {
      if (this.chains.get(operatorId) === next) this.chains.delete(operatorId)
    }
    next.then(forget, forget)
    return next
  }

  private async run(operatorId: string, check: () => Promise<boolean>): Promise<AttemptResult> {
    const counted = this.operators.inTransaction(() => this.count(operatorId))
    if (!(await check())) return { ok: false, failures: counted }
    this.operators.inTransaction(() => {
      this.operators.clearFailures(operatorId)
      const all = this.operators.failures(machine)
      if (all) this.operators.putFailures(machine, { count: Math.max(0, all.count - 1), lastFailedAt: all.lastFailedAt })
    })
    return { ok: true }
  }

  /** Refuses a held-off attempt, else records it as a failure until the PIN proves right. */
  private count(operatorId: string): number {
    const now = this.clock()
    const own = this.current(operatorId, lockoutMs, now)
    if (own >= maxFailedAttempts) {
      const last = this.operators.failures(operatorId)?.lastFailedAt ?? now
      const minutes = Math.max(1, Math.ceil((last + lockoutMs - now) / 60_000))
      throw new KycError('LOCKED', `Too many wrong PINs: try again in ${minutes} min`, undefined, { key: 'signIn.heldOff', params: { n: minutes } })
    }
    const all = this.current(machine, machineWindowMs, now)
    const wait = (this.operators.failures(machine)?.lastFailedAt ?? now) + machineBackoffMs(all) - now
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1_000)
      throw new KycError('LOCKED', `Too many wrong PINs on this computer: wait ${seconds} s`, undefined, { key: 'signIn.machineBackoff', params: { n: seconds } })
    }
    this.operators.putFailures(operatorId, { count: own + 1, lastFailedAt: now })
    this.operators.putFailures(machine, { count: all + 1, lastFailedAt: now })
    return own + 1
  }

  private current(subject: string, windowMs: number, now: number): number {
    const record = this.operators.failures(subject)
    return record && now - record.lastFailedAt < windowMs ? record.count : 0
  }
}
