import type { StepError } from '../../../shared/domain/steps'
import { wordStepError } from '../../../shared/i18n/step-error-words'
import { useReasonWords } from './useErrorReason'

/** A step's failure in the operator's words, by the rule the command line uses (shared/i18n/step-error-words.ts). */
export function useStepErrorWords(): (error: StepError) => string {
  const words = useReasonWords()
  return (error) => wordStepError(error, words)
}
