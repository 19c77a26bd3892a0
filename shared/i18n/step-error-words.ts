import type { ErrorReason } from '../contract/errors'
import type { StepError } from '../domain/steps'

/**
 * A step's failure as the operator reads it: ours from its reason, in the operator's language; the
 * platform's own message as it came (it speaks Chinese, and its words are the evidence), also when
 * no table knows the reason. `wordKnown` answers null for a key no table has.
 */
export function wordStepError(error: StepError, wordKnown: (reason: ErrorReason) => string | null): string {
  return (error.reason ? wordKnown(error.reason) : null) ?? error.message
}
