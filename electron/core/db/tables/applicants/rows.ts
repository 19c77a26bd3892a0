import { documentTypes, platformLanguages, type DocumentType, type PlatformLanguage } from '../../../../../shared/domain/identity'
import { applicantStatuses, type ApplicantStatus } from '../../../../../shared/domain/status'

/**
 * Checks and maps `applicants` rows. Written out by hand rather than as zod schemas, as the step
 * rows are: the checks are the same, but the sync engine reads an applicant's row before each of
 * its steps and the dashboard 200 at a time, and zod's per-row transforms were a visible share
 * of both (and of their garbage).
 */
export class ApplicantRowError extends Error {
  override readonly name = 'ApplicantRowError'
}

const statuses: ReadonlySet<string> = new Set(applicantStatuses)
const documents: ReadonlySet<string> = new Set(documentTypes)
const languages: ReadonlySet<string> = new Set(platformLanguages)

type Raw = Record<string, unknown>

function fail(raw: Raw, column: string): never {
  throw new ApplicantRowError(`an applicants row does not have the expected shape (applicant ${String(raw.id)}, column ${column})`)
}

function text(raw: Raw, column: string): string {
  const v = raw[column]
  return typeof v === 'string' ? v : fail(raw, column)
}

function textOrNull(raw: Raw, column: string): string | null {
  const v = raw[column]
  return v === null || typeof v === 'string' ? v : fail(raw, column)
}

function int(raw: Raw, column: string): number {
  const v = raw[column]
  return Number.isInteger(v) ? (v as number) : fail(raw, column)
}

function intOrNull(raw: Raw, column: string): number | null {
  const v = raw[column]
  return v === null ? null : Number.isInteger(v) ? (v as number) : fail(raw, column)
}

function flag(raw: Raw, column: string): boolean {
  const v = raw[column]
  return v === 1 ? true : v === 0 ? false : fail(raw, column)
}

function oneOf<T extends string>(raw: Raw, column: string, allowed: ReadonlySet<string>): T {
  const v = raw[column]
  return typeof v === 'string' && allowed.has(v) ? (v as T) : fail(raw, column)
}

function oneOfOrNull<T extends string>(raw: Raw, column: string, allowed: ReadonlySet<string>): T | null {
  return raw[column] === null ? null : oneOf<T>(raw, column, allowed)
}

function blobOrNull(raw: Raw, column: string): Buffer | null {
  const v = raw[column]
  return v === null || Buffer.isBuffer(v) ? v : fail(raw, column)
}

function asRaw(row: unknown): Raw {
  if (typeof row !== 'object' || row === null) throw new ApplicantRowError('an applicants row is not an object')
  return row as Raw
}

function clearColumns(raw: Raw) {
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
  }
}

/** A listing row: clear columns only, plus the operator's name. */
export type ApplicantSummaryRow = ReturnType<typeof clearColumns> & { readonly operatorName: string | null }

export function parseApplicantSummaryRow(row: unknown): ApplicantSummaryRow {
  const raw = asRaw(row)
  return { ...clearColumns(raw), operatorName: textOrNull(raw, 'operator_name') }
}

/** A full row: the clear columns and the still-encrypted blobs. */
export type ApplicantRow = ReturnType<typeof clearColumns> & { readonly identityEnc: Buffer | null; readonly bindingEnc: Buffer | null }

export function parseApplicantRow(row: unknown): ApplicantRow {
  const raw = asRaw(row)
  return { ...clearColumns(raw), identityEnc: blobOrNull(raw, 'identity_enc'), bindingEnc: blobOrNull(raw, 'binding_enc') }
}

/** The columns a step change reads: whether the applicant may run, and what its due time depends on. */
export interface ApplicantSyncState {
  readonly queued: boolean
  readonly status: ApplicantStatus
  readonly queuedAt: number | null
  readonly livenessAuto: boolean
  readonly livenessRequestedAt: number | null
  readonly purgedAt: number | null
}

export function parseApplicantSyncState(row: unknown): ApplicantSyncState {
  const raw = asRaw(row)
  return {
    queued: flag(raw, 'queued'),
    status: oneOf<ApplicantStatus>(raw, 'status', statuses),
    queuedAt: intOrNull(raw, 'queued_at'),
    livenessAuto: flag(raw, 'liveness_auto'),
    livenessRequestedAt: intOrNull(raw, 'liveness_requested_at'),
    purgedAt: intOrNull(raw, 'purged_at'),
  }
}
