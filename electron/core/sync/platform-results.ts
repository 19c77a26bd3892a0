import type { StepName } from '../../../shared/domain/steps'
import type { PlatformOutcome } from '../platform-client/outcome'
import type { StepDataFor } from '../queue/step-data'
import type { StepResult } from '../queue/step-result'

export const done = (data?: StepDataFor<StepName>): StepResult => (data === undefined ? { kind: 'done' } : { kind: 'done', data })

/** A platform failure as a step result: the platform's own message goes to the operator verbatim, ours as a reason. */
export function fromPlatformFailure(outcome: Exclude<PlatformOutcome<unknown>, { kind: 'ok' }>): StepResult {
  if (outcome.kind === 'transient') {
    return { kind: 'transient', code: outcome.code, message: outcome.message, network: outcome.network, reason: outcome.reason }
  }
  return { kind: 'attention', errorKind: 'refused', code: String(outcome.status), message: outcome.message, reason: outcome.reason }
}

/** Maps a successful platform call to `done`, anything else through fromPlatformFailure. */
export function whenOk<T>(outcome: PlatformOutcome<T>, onOk: (value: T) => StepResult): StepResult {
  return outcome.kind === 'ok' ? onOk(outcome.value) : fromPlatformFailure(outcome)
}

/**
 * The same result with its message passed through `redact`: a platform or OSS message may quote
 * what it was sent (a token, a document number, the customer's name), and it is stored, logged
 * and shown from here on.
 */
export function redactResult(result: StepResult, redact: (text: string) => string): StepResult {
  return result.kind === 'transient' || result.kind === 'attention' ? { ...result, message: redact(result.message) } : result
}
