import type { StepName } from '../../../shared/domain/steps'
import type { PlatformOutcome } from '../platform-client/outcome'
import type { StepDataFor } from '../queue/step-data'

/**
 * What running one step came to, before it is committed. The engine turns `transient` into a
 * pending step with a backed-off next attempt, `attention` into a failed step a person must look
 * at, and `liveness-expired` into a withdrawn liveness request (back to submitted).
 */
export type StepOutcome =
  | { readonly kind: 'done'; readonly data?: StepDataFor<StepName> }
  | {
      readonly kind: 'transient'
      readonly code: string
      readonly message: string
      /** No answer at all (the path is down): the engine pauses everything and probes. */
      readonly network: boolean
      /** A fixed time for the next attempt instead of the backoff (liveness polling). */
      readonly retryAt?: number
    }
  | { readonly kind: 'attention'; readonly errorKind: 'refused' | 'invalid'; readonly code: string; readonly message: string }
  | { readonly kind: 'liveness-expired' }

export const done = (data?: StepDataFor<StepName>): StepOutcome => (data === undefined ? { kind: 'done' } : { kind: 'done', data })

/** A platform failure as a step outcome: the platform's own message goes to the operator verbatim. */
export function fromPlatformFailure(outcome: Exclude<PlatformOutcome<unknown>, { kind: 'ok' }>): StepOutcome {
  if (outcome.kind === 'transient') {
    return { kind: 'transient', code: outcome.code, message: outcome.message, network: outcome.network }
  }
  return { kind: 'attention', errorKind: 'refused', code: String(outcome.status), message: outcome.message }
}

/** Maps a successful platform call to `done`, anything else through fromPlatformFailure. */
export function whenOk<T>(outcome: PlatformOutcome<T>, onOk: (value: T) => StepOutcome): StepOutcome {
  return outcome.kind === 'ok' ? onOk(outcome.value) : fromPlatformFailure(outcome)
}

/**
 * The same outcome with its message passed through `redact`: a platform or OSS message may quote
 * what it was sent (a token, a document number, the customer's name), and it is stored, logged
 * and shown from here on.
 */
export function redactOutcome(outcome: StepOutcome, redact: (text: string) => string): StepOutcome {
  return outcome.kind === 'transient' || outcome.kind === 'attention' ? { ...outcome, message: redact(outcome.message) } : outcome
}
