import type { AccountBinding, IdentityData, IsoDate } from '../../../../shared/domain/identity'
import type { ImageSlot } from '../../../../shared/domain/images'
import type { ApplicantStatus } from '../../../../shared/domain/status'
import type { Consent } from '../../queue/types'
import type { TextEncoding } from './decode-text'
import type { ManifestField } from './fields'
import type { ImportProblem, ManifestProblem, ProblemField } from './problems'
import type { ImageFolder } from './image-folder'
import type { PreviewImage } from './row-images'

export interface ImportProgress {
  readonly phase: 'preview' | 'commit'
  readonly done: number
  readonly total: number
}

/** `ready`: no problem. `needs-review`: warnings only (imports with a reason). `invalid`: at least one error. */
export type PreviewRowStatus = 'ready' | 'needs-review' | 'invalid'

/**
 * One manifest row as it would import. Holds the binding (uid and token) and file paths: keep the
 * preview in main and give the renderer a view without them.
 */
export interface PreviewRow {
  /** Spreadsheet row number; the header is row 1. */
  readonly row: number
  /** CSV: the line the row starts on. */
  readonly line: number | null
  readonly status: PreviewRowStatus
  /** Present when the identity passed its rules (warnings aside). */
  readonly identity: IdentityData | null
  readonly binding: AccountBinding | null
  readonly images: Partial<Record<ImageSlot, PreviewImage>>
  /** Columns whose value was written canonically (full-width digits, lower-case country code, ...). */
  readonly normalized: readonly ProblemField[]
  readonly problems: readonly ImportProblem[]
}

export interface ManifestInfo {
  /** The manifest's path, or an uploaded manifest's name. */
  readonly path: string
  /** The images folder's path, or an uploaded folder's name. */
  readonly imagesDir: string
  /** Where the commit reads the images again. */
  readonly images: ImageFolder
  readonly format: 'csv' | 'xlsx'
  readonly encoding: TextEncoding | null
  /** The header each field was found under, as written. */
  readonly columns: Readonly<Record<ManifestField, string>>
  readonly unknownColumns: readonly string[]
  readonly today: IsoDate
}

export interface PreviewSummary {
  readonly total: number
  readonly ready: number
  readonly needsReview: number
  readonly invalid: number
}

export type ManifestPreview =
  | {
      readonly ok: true
      readonly manifest: ManifestInfo
      readonly rows: readonly PreviewRow[]
      readonly summary: PreviewSummary
      /** Manifest-level notes that do not stop the import (unknown columns). */
      readonly notes: readonly ManifestProblem[]
    }
  | { readonly ok: false; readonly problem: ManifestProblem }
export type ReadyPreview = Extract<ManifestPreview, { ok: true }>

export interface PreviewOptions {
  /** The date the rules judge expiry and ages by; defaults to the clock's local date. */
  readonly today?: IsoDate
  readonly onProgress?: (progress: ImportProgress) => void
  readonly signal?: AbortSignal
}

export interface CommitOptions {
  readonly operatorId: string | null
  /** The consent the customers gave (on paper, for a batch); queueing refuses without it. */
  readonly consent: Consent | null
  /** Queue each applicant in the same transaction that creates it; otherwise complete drafts. */
  readonly queue: boolean
  /** Import rows that have only warnings, accepting them for this reason (kept in the event log). */
  readonly acceptWarnings?: { readonly reason: string } | null
  readonly onProgress?: (progress: ImportProgress) => void
  readonly signal?: AbortSignal
}

export type CommitRowResult =
  | {
      readonly row: number
      readonly outcome: 'imported'
      readonly applicantId: string
      readonly reference: string
      readonly status: ApplicantStatus
    }
  | { readonly row: number; readonly outcome: 'rejected'; readonly problems: readonly ImportProblem[] }

export interface CommitResult {
  readonly imported: number
  readonly rejected: number
  /** Every row of the preview, in manifest order. */
  readonly rows: readonly CommitRowResult[]
}
