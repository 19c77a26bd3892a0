import type { ImportProblemView, ManifestProblemView } from '../../../shared/contract'
import { wordImportProblem, wordManifestProblem, type WordReason } from '../../../shared/i18n/import-problem-words'
import { useReasonWords } from './useErrorReason'
import { useUiLocale } from './useUiLocale'

/**
 * The batch import's problems in the operator's words, by the same rule the command line uses
 * (shared/i18n/import-problem-words.ts); a key no table knows shows as itself, never as nothing.
 */
export function useImportProblemWords() {
  const reasonWords = useReasonWords()
  const locale = useUiLocale()
  const word: WordReason = (reason) => reasonWords(reason) ?? reason.key
  return {
    problem: (problem: ImportProblemView): string => wordImportProblem(problem, word, locale.value),
    manifest: (problem: ManifestProblemView): string => wordManifestProblem(problem, word),
  }
}
