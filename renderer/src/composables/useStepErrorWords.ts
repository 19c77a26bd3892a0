import type { StepError } from '../../../shared/domain/steps'
import { useReasonWords } from './useErrorReason'

/**
 * A step's failure as the operator reads it: ours worded from its reason in the operator's
 * language, the platform's own message as it came (it speaks Chinese; its words are the evidence).
 */
export function useStepErrorWords(): (error: StepError) => string {
  const words = useReasonWords()
  return (error) => words(error.reason) ?? error.message
}
