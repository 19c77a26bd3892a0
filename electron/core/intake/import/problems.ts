import type { Locale } from '../../../../shared/identity'
import type { HeaderProblem, ManifestField } from './fields'
import type { ImagePathProblem } from './image-path'
import type { ManifestFailure } from './read-manifest'
import type { ValueProblem } from './values'

/** The column a problem points at, or `row` for the row as a whole. */
export type ProblemField = ManifestField | 'row'
export type ProblemSeverity = 'error' | 'warning'
export type Messages = { readonly [L in Locale]: string }

/**
 * One reason a row cannot be imported as it is. `code` is the identity rules' code
 * (`cn-id.check-character`), the image pipeline's prefixed (`image.truncated`, `quality.blurred`)
 * or the import's own (`value.gender`, `file.not-found`, ...). Errors must be fixed in the
 * manifest or the images; warnings import only with an operator's reason.
 */
export interface ImportProblem {
  readonly field: ProblemField
  readonly code: string
  readonly severity: ProblemSeverity
  readonly message: Messages
  /** The applicant in the queue this row duplicates (same account or document), for a link to it. */
  readonly applicant?: { readonly id: string; readonly reference: string }
}

/** A problem with the manifest as a whole: nothing in it can be previewed. */
export interface ManifestProblem {
  readonly code: string
  readonly message: Messages
}

/** The import's own row-level issues, all errors; each has a sentence in both languages in messages.ts. */
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
  | { code: 'commit.refused'; reason: string }
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
