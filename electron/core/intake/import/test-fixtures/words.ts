import { wordReason } from '../../../../cli/words'
import type { MessageLocale } from '../../../../../shared/i18n'
import { wordImportProblem, wordManifestProblem } from '../../../../../shared/i18n/import-problem-words'
import type { ImportProblemView, ManifestProblemView } from '../../../../../shared/contract/import'

/** A problem as the operator reads it, worded from the shared tables the screen and the command line use. */
export const problemWords = (problem: ImportProblemView, locale: MessageLocale): string =>
  wordImportProblem(problem, { word: (reason) => wordReason(reason, locale), locale })

export const manifestWords = (problem: ManifestProblemView, locale: MessageLocale): string =>
  wordManifestProblem(problem, { word: (reason) => wordReason(reason, locale), locale })
