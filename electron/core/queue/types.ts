import type { ApplicantSummary as ContractSummary, StepChange } from '../../../shared/contract/applicants'
import type { CaptureForm } from '../../../shared/contract/intake'
import type { AccountBinding, DocumentType, IdentityData, PlatformLanguage } from '../../../shared/domain/identity'
import type { ImageSlot, Sha256Hex } from '../../../shared/domain/images'
import type { ApplicantStatus } from '../../../shared/domain/status'
import type { StepName, StepSnapshot, StepState } from '../../../shared/domain/steps'
import type { JsonValue } from '../db/json'
import type { ImageRow } from '../db/tables/images/repository'

export interface Consent {
  /** Version of the consent text the customer agreed to. */
  readonly version: string
  readonly at: number
}

/** New image bytes, or an image the intake pipeline already put in the image store. */
export type ImageContent = { readonly jpeg: Buffer } | { readonly sha256: Sha256Hex; readonly byteSize: number }

export interface ImageInput {
  readonly source: ImageContent
  readonly width: number
  readonly height: number
  readonly quality: JsonValue | null
  readonly overrideReason: string | null
}

export type ImageMeta = ImageRow

export interface CreateApplicantInput {
  readonly identity?: IdentityData
  readonly binding?: AccountBinding
  readonly images?: Partial<Record<ImageSlot, ImageInput>>
  readonly operatorId: string | null
  readonly consent: Consent | null
  readonly language?: PlatformLanguage | null
  /** Start liveness by itself once submitted (the setting at capture time). */
  readonly livenessAuto?: boolean
  readonly capturedAt?: number
}

/** An edit: absent keys stay as they are. Personal data can be replaced, not cleared. */
export interface ApplicantPatch {
  readonly identity?: IdentityData
  readonly binding?: AccountBinding
  readonly images?: Partial<Record<ImageSlot, ImageInput>>
  readonly consent?: Consent
  readonly language?: PlatformLanguage | null
  readonly livenessAuto?: boolean
  /** A draft's half-typed capture form (sealed in its row); null clears it. Ignored once queued. */
  readonly captureForm?: CaptureForm | null
}

interface RecordBase {
  readonly id: string
  readonly reference: string
  readonly label: string | null
  readonly documentType: DocumentType | null
  readonly country: string | null
  readonly language: PlatformLanguage | null
  readonly status: ApplicantStatus
  readonly operatorId: string | null
  readonly livenessAuto: boolean
  readonly livenessRequestedAt: number | null
  readonly createdAt: number
  readonly updatedAt: number
  readonly capturedAt: number
}

/** The decrypted applicant, for the main process only. Each stage carries what it must have. */
export type ApplicantRecord =
  | (RecordBase & {
      readonly stage: 'draft'
      readonly identity: IdentityData | null
      readonly binding: AccountBinding | null
      readonly images: Partial<Record<ImageSlot, ImageMeta>>
      readonly consent: Consent | null
    })
  | (RecordBase & {
      readonly stage: 'queued'
      readonly queuedAt: number
      readonly identity: IdentityData
      readonly binding: AccountBinding
      readonly images: Record<ImageSlot, ImageMeta>
      readonly consent: Consent
      readonly steps: StepSnapshot[]
    })
  | (RecordBase & {
      readonly stage: 'purged'
      readonly queuedAt: number | null
      readonly purgedAt: number
      readonly consent: Consent | null
      readonly steps: StepSnapshot[]
    })

/**
 * A dashboard row as the store lists it (clear columns only, never decrypted): the contract's row,
 * less what the IPC handler works out from the rest, plus the columns only main uses.
 */
export type ApplicantSummary = Omit<ContractSummary, 'training'> & {
  readonly queued: boolean
  readonly hasConsent: boolean
  readonly operatorId: string | null
  readonly capturedAt: number
  readonly queuedAt: number | null
  readonly purgedAt: number | null
  /** What it was captured for (shared/domain/environment.ts); null only before the queue adopts old rows. */
  readonly environment: string | null
  /** When the customer's account QR was scanned (capture or re-bind); null without one. */
  readonly bindingAt: number | null
}

export interface ListQuery {
  readonly status?: ApplicantStatus
  /** Matches the reference or the masked label. */
  readonly search?: string
  /** Only applicants captured in training mode. */
  readonly trainingOnly?: boolean
  readonly offset?: number
  readonly limit?: number
  readonly order?: 'newest' | 'oldest'
}

/** What the progress publisher streams: the IPC contract's StepChange. */
export type { StepChange }
export type StepChangeListener = (change: StepChange) => void

export type Refusal<R extends string> = { readonly ok: false; readonly reason: R }

export type QueueRefusal =
  | Refusal<'not-found' | 'already-queued' | 'purged' | 'missing-identity' | 'missing-binding' | 'missing-consent'>
  | (Refusal<'missing-images'> & { readonly slots: ImageSlot[] })
export type QueueResult = { readonly ok: true; readonly status: ApplicantStatus } | QueueRefusal
export type CreateQueuedResult =
  | { readonly ok: true; readonly id: string; readonly reference: string; readonly status: ApplicantStatus }
  | QueueRefusal

export type UpdateResult =
  | { readonly ok: true; readonly status: ApplicantStatus; readonly resetSteps: StepName[] }
  | Refusal<'not-found' | 'purged'>

export type MarkStepResult =
  | { readonly ok: true; readonly change: StepChange }
  | Refusal<'not-found' | 'not-queued' | 'purged'>
  | (Refusal<'invalid-transition'> & { readonly from: StepState })

/** A recorded step result: the change, and the applicant's steps as the commit left them (to plan from). */
export type RecordResult =
  | {
      readonly ok: true
      readonly steps: readonly StepSnapshot[]
      readonly livenessRequested: boolean
    }
  /** `not-submitted`: liveness expired on an applicant no longer waiting for it. */
  | Refusal<'not-found' | 'not-queued' | 'purged' | 'not-submitted'>
  | (Refusal<'invalid-transition'> & { readonly from: StepState })

export type StartResult =
  | { readonly ok: true; readonly changes: readonly StepChange[] }
  | Refusal<'not-found' | 'not-queued' | 'purged' | 'other-environment'>
  | (Refusal<'invalid-transition'> & { readonly from: StepState })

export type RemoveResult = { readonly ok: true } | Refusal<'not-found' | 'reached-platform' | 'running'>
export type PurgeResult = { readonly ok: true } | Refusal<'not-found' | 'already-purged' | 'draft' | 'running'>
export type LivenessResult =
  | { readonly ok: true; readonly status: ApplicantStatus }
  | Refusal<'not-found' | 'purged' | 'not-submitted'>
