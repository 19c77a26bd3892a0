import type { ImportProblemView, ManifestProblemView } from '../../../../shared/contract/import'
import type { QueueRefusal } from '../../queue/types'
import type { HeaderProblem, ManifestField } from './fields'
import type { ImagePathProblem } from './image-path'
import type { ManifestFailure } from './read-manifest'
import type { ValueProblem } from './values'

/** The column a problem points at, or `row` for the row as a whole. */
export type ProblemField = ManifestField | 'row'
export type ProblemSeverity = 'error' | 'warning'

/**
 * One reason a row cannot be imported as it is. `code` is the identity rules' code
 * (`cn-id.check-character`), the image pipeline's prefixed (`image.truncated`, `quality.blurred`)
 * or the import's own (`value.gender`, `file.not-found`, ...). Errors must be fixed in the
 * manifest or the images; warnings import only with an operator's reason. It carries codes and
 * values only: the screen and the command line word it (shared/i18n/import-problem-words.ts).
 */
export type ImportProblem = ImportProblemView & { readonly field: ProblemField }

/** A problem with the manifest as a whole: nothing in it can be previewed. */
export type ManifestProblem = ManifestProblemView

/** The import's own row-level issues, all errors; each is a key in shared/i18n/import-problems.ts. */
export type RowIssue =
  | ValueProblem
  | ImagePathProblem
  | { code: 'cells.extra'; count: number; expected: number }
  | { code: 'cells.missing'; count: number; expected: number }
  | { code: 'validity.conflict' }
  | { code: 'row.duplicate-document'; row: number }
  | { code: 'file.reused'; row: number; name: string }
  | { code: 'file.required' }
  | { code: 'image.changed' }
  | { code: 'row.needs-override' }
  | { code: 'commit.refused'; reason: QueueRefusal['reason'] }
  | { code: 'commit.failed' }
  | { code: 'row.cancelled' }
export type RowIssueCode = RowIssue['code']

export type ManifestIssue =
  | ManifestFailure
  | HeaderProblem
  | { code: 'manifest.unknown-column'; header: string }
  | { code: 'images.not-found' }
export type ManifestIssueCode = ManifestIssue['code']

export function hasErrors(problems: readonly ImportProblem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}
