import type { ErrorReason } from '../../../shared/contract/errors'
import type { StepName } from '../../../shared/domain/steps'
import type { StepDataFor } from './step-data'
import type { StepTransition } from './transitions'

/**
 * What one attempt of a step came to: `executeStep`'s answer, recorded as it is by
 * `StepService.recordStep`. `transient` waits and retries on its own, `attention` needs a person,
 * `liveness-expired` withdraws the liveness request (back to submitted).
 */
export type StepResult =
  | { readonly kind: 'done'; readonly data?: StepDataFor<StepName> }
  | {
      readonly kind: 'transient'
      readonly code: string
      readonly message: string
      /** Ours to word on screen (absent when `message` is the platform's own). */
      readonly reason?: ErrorReason
      /** No answer at all (the path is down): the engine pauses everything and probes. */
      readonly network: boolean
      /** A fixed time for the next attempt instead of the backoff (liveness polling). */
      readonly retryAt?: number
    }
  | { readonly kind: 'attention'; readonly errorKind: 'refused' | 'invalid'; readonly code: string; readonly message: string; readonly reason?: ErrorReason }
  | { readonly kind: 'liveness-expired' }

/** The state-machine transition a result makes; `retryAt` is when a transient failure tries again. */
export function transitionOf(result: Exclude<StepResult, { kind: 'liveness-expired' }>, retryAt: number): StepTransition {
  switch (result.kind) {
    case 'done':
      return result.data === undefined ? { kind: 'done' } : { kind: 'done', data: result.data }
    case 'transient':
      return { kind: 'failed-transient', error: { code: result.code, message: result.message, reason: result.reason }, nextAttemptAt: retryAt }
    case 'attention':
      return { kind: 'failed-needs-attention', error: { kind: result.errorKind, code: result.code, message: result.message, reason: result.reason } }
  }
}

/**
 * The outcomes that must be on disk before anyone sees them. A verify token is shown as a QR code
 * as soon as it is visible; lost in the group-commit window, the step would replay after a crash
 * and the platform's new token would kill the code the customer holds.
 */
export function mustBeDurableAtOnce(name: StepName, result: StepResult): boolean {
  return name === 'liveness:token' && result.kind === 'done'
}
