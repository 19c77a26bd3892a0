import type { StepName } from '../../../shared/domain/steps'
import type { OutcomeTransition } from '../queue/transitions'
import { fullJitterDelay, type BackoffPolicy } from './backoff'
import type { StepOutcome } from './step-outcome'

export type Commit =
  | { readonly kind: 'transition'; readonly transition: OutcomeTransition<StepName> }
  /** The verify token expired: withdraw liveness (both steps back to pending, not requested). */
  | { readonly kind: 'cancel-liveness' }

/**
 * How a step's outcome is recorded. Transient failures wait `fullJitter(attempt)`; there is no
 * attempt limit, since a transient fault by definition is not one a person can fix.
 */
export function commitFor(outcome: StepOutcome, attempt: number, now: number, policy: BackoffPolicy, random: () => number): Commit {
  switch (outcome.kind) {
    case 'done':
      return { kind: 'transition', transition: outcome.data === undefined ? { kind: 'done' } : { kind: 'done', data: outcome.data } }
    case 'transient':
      return {
        kind: 'transition',
        transition: {
          kind: 'failed-transient',
          error: { code: outcome.code, message: outcome.message },
          nextAttemptAt: outcome.retryAt ?? now + fullJitterDelay(attempt, policy, random),
        },
      }
    case 'attention':
      return {
        kind: 'transition',
        transition: { kind: 'failed-needs-attention', error: { kind: outcome.errorKind, code: outcome.code, message: outcome.message } },
      }
    case 'liveness-expired':
      return { kind: 'cancel-liveness' }
  }
}
