import { documentTypes, platformLanguages, type DocumentType, type PlatformLanguage } from '../../../../../shared/domain/identity'
import { applicantStatuses, type ApplicantStatus } from '../../../../../shared/domain/status'
import { asRow, blobOrNull, ColumnError, flag, int, intOrNull, oneOf, oneOfOrNull, text, textOrNull, type Row } from '../../columns'

/**
 * Checks and maps `applicants` rows. Written out by hand rather than as zod schemas, as the step
 * rows are: the checks are the same, but the sync engine reads an applicant's state columns in
 * every step's commit and the dashboard 200 rows at a time, and zod's per-row transforms were a
 * visible share of both (and of their garbage).
 */
export class ApplicantRowError extends Error {
  override readonly name = 'ApplicantRowError'
}

const statuses: ReadonlySet<string> = new Set(applicantStatuses)
const documents: ReadonlySet<string> = new Set(documentTypes)
const languages: ReadonlySet<string> = new Set(platformLanguages)

/** Maps a row with `map`, reporting a column of the wrong type as an ApplicantRowError naming the applicant. */
function checked<T>(row: unknown, map: (raw: Row) => T): T {
  let raw: Row | undefined
  try {
    raw = asRow(row)
    return map(raw)
  } catch (error) {
    if (!(error instanceof ColumnError)) throw error
    if (raw === undefined) throw new ApplicantRowError('an applicants row is not an object')
    throw new ApplicantRowError(`an applicants row does not have the expected shape (applicant ${String(raw.id)}, column ${error.column})`)
  }
}

function clearColumns(raw: Row) {
  const consentVersion = textOrNull(raw, 'consent_version')
  const consentAt = intOrNull(raw, 'consent_at')
  return {
    id: text(raw, 'id'),
    reference: text(raw, 'reference'),
    label: textOrNull(raw, 'label'),
    documentType: oneOfOrNull<DocumentType>(raw, 'document_type', documents),
    country: textOrNull(raw, 'country'),
    language: oneOfOrNull<PlatformLanguage>(raw, 'language', languages),
    queued: flag(raw, 'queued'),
    status: oneOf<ApplicantStatus>(raw, 'status', statuses),
    dueAt: intOrNull(raw, 'due_at'),
    livenessAuto: flag(raw, 'liveness_auto'),
    livenessRequestedAt: intOrNull(raw, 'liveness_requested_at'),
    operatorId: textOrNull(raw, 'operator_id'),
    consent: consentVersion !== null && consentAt !== null ? { version: consentVersion, at: consentAt } : null,
    createdAt: int(raw, 'created_at'),
    updatedAt: int(raw, 'updated_at'),
    capturedAt: int(raw, 'captured_at'),
    queuedAt: intOrNull(raw, 'queued_at'),
    purgedAt: intOrNull(raw, 'purged_at'),
    /** Null only until the queue is next opened after migration 005 (then adopted). */
    environment: textOrNull(raw, 'environment'),
    /** When the customer's account QR was scanned (migration 006); null without a binding. */
    bindingAt: intOrNull(raw, 'binding_at'),
  }
}

/** A listing row: clear columns only, plus the operator's name. */
export type ApplicantSummaryRow = ReturnType<typeof clearColumns> & { readonly operatorName: string | null }

export function parseApplicantSummaryRow(row: unknown): ApplicantSummaryRow {
  return checked(row, (raw) => ({ ...clearColumns(raw), operatorName: textOrNull(raw, 'operator_name') }))
}

/** A full row: the clear columns and the still-encrypted blobs. */
export type ApplicantRow = ReturnType<typeof clearColumns> & {
  readonly identityEnc: Buffer | null
  readonly bindingEnc: Buffer | null
}

export function parseApplicantRow(row: unknown): ApplicantRow {
  return checked(row, (raw) => ({
    ...clearColumns(raw),
    identityEnc: blobOrNull(raw, 'identity_enc'),
    bindingEnc: blobOrNull(raw, 'binding_enc'),
  }))
}

/** The columns a step change reads: whether the applicant may run, and what its due time depends on. */
export interface ApplicantSyncState {
  readonly queued: boolean
  readonly status: ApplicantStatus
  readonly queuedAt: number | null
  readonly livenessAuto: boolean
  readonly livenessRequestedAt: number | null
  readonly purgedAt: number | null
  readonly environment: string | null
}

export function parseApplicantSyncState(row: unknown): ApplicantSyncState {
  return checked(row, (raw) => ({
    queued: flag(raw, 'queued'),
    status: oneOf<ApplicantStatus>(raw, 'status', statuses),
    queuedAt: intOrNull(raw, 'queued_at'),
    livenessAuto: flag(raw, 'liveness_auto'),
    livenessRequestedAt: intOrNull(raw, 'liveness_requested_at'),
    purgedAt: intOrNull(raw, 'purged_at'),
    environment: textOrNull(raw, 'environment'),
  }))
}
