import type { ImportProblemView, ManifestProblemView } from '../../../shared/contract'
import { wordImportProblem, wordManifestProblem } from '../../../shared/i18n/import-problem-words'
import { useWords } from './useWords'

/**
 * The batch import's problems in the operator's words, by the same rule the command line uses
 * (shared/i18n/import-problem-words.ts); a key no table knows shows as itself, never as nothing.
 */
export function useImportProblemWords() {
  const words = useWords()
  return {
    problem: (problem: ImportProblemView): string => wordImportProblem(problem, words.value),
    manifest: (problem: ManifestProblemView): string => wordManifestProblem(problem, words.value),
  }
}
