import type { ImageSlot } from '../../../../shared/domain/images'
import type { ApplicantStatus } from '../../../../shared/domain/status'
import type { ErrorReason } from '../../../../shared/contract/errors'
import type { FileNameMatch } from './pattern'

/**
 * `checking`: being decoded. `ready`: a usable image waiting to be assigned (with `reason` when
 * it was not assigned automatically). `rejected`: not a usable image; stays until the operator
 * discards it or the scanner overwrites it. `storing`: being assigned right now. `stored`: in the
 * applicant's record, but the file could not be deleted from the folder (delete it by hand).
 */
export type InboxItemState = 'checking' | 'ready' | 'rejected' | 'storing' | 'stored'

/** A note on a file as the code the screen words, and the measurement for a quality finding. */
export interface InboxNote {
  readonly code: string
  readonly reason: ErrorReason
  readonly detail: ErrorReason | null
}

export interface InboxItem {
  /** Stable while the file is in the folder; also the thumbnail reference. */
  readonly id: string
  /** File name only: the folder is the operator's own choice, the path is never sent on. */
  readonly name: string
  readonly size: number
  readonly modifiedAt: number
  readonly detectedAt: number
  readonly state: InboxItemState
  /** Why the file is rejected, or why it was not assigned automatically. */
  readonly reason: InboxNote | null
  /** The quality gate's findings: assigning the file needs an override reason. */
  readonly warnings: readonly InboxNote[]
  /** What the file name says, when it matches the configured pattern. */
  readonly match: FileNameMatch | null
  /** Size of the normalised image, once checked. */
  readonly image: { readonly width: number; readonly height: number } | null
  readonly hasThumbnail: boolean
  /** Its bytes are an image's (any format): discarding deletes it; anything else only leaves the list. */
  readonly deletable: boolean
}

export type InboxEvent =
  | { readonly kind: 'changed'; readonly item: InboxItem }
  | { readonly kind: 'removed'; readonly id: string; readonly cause: 'assigned' | 'discarded' | 'gone'; readonly applicantId?: string }

export interface AssignTarget {
  readonly applicantId: string
  readonly slot: ImageSlot
  readonly operatorId: string | null
  /** Required when the image has quality warnings; kept in the event log. */
  readonly overrideReason?: string | null
}

export type AssignFailure = 'no-such-item' | 'busy' | 'unusable' | 'needs-override' | 'applicant-not-found' | 'applicant-purged' | 'failed'

export type AssignResult =
  | { readonly ok: true; readonly applicantId: string; readonly slot: ImageSlot; readonly status: ApplicantStatus; readonly fileRemoved: boolean }
  | { readonly ok: false; readonly reason: AssignFailure; readonly words: ErrorReason }

export type StartResult = { readonly ok: true } | { readonly ok: false; readonly code: 'folder-missing' | 'folder-refused' | 'pattern-invalid'; readonly words: ErrorReason }
