import { z } from 'zod'
import { documentTypeSchema, platformLanguageSchema } from '../../../../../shared/domain/identity'
import { applicantStatusSchema } from '../../../../../shared/domain/status'

const flag = z.union([z.literal(0), z.literal(1)]).transform((v) => v === 1)
const time = z.number().int()

const summaryShape = {
  id: z.string(),
  reference: z.string(),
  label: z.string().nullable(),
  document_type: documentTypeSchema.nullable(),
  country: z.string().nullable(),
  language: platformLanguageSchema.nullable(),
  queued: flag,
  status: applicantStatusSchema,
  due_at: time.nullable(),
  liveness_auto: flag,
  liveness_requested_at: time.nullable(),
  operator_id: z.string().nullable(),
  consent_version: z.string().nullable(),
  consent_at: time.nullable(),
  created_at: time,
  updated_at: time,
  captured_at: time,
  queued_at: time.nullable(),
  purged_at: time.nullable(),
}

function camel<T extends z.infer<z.ZodObject<typeof summaryShape>>>(r: T) {
  return {
    id: r.id,
    reference: r.reference,
    label: r.label,
    documentType: r.document_type,
    country: r.country,
    language: r.language,
    queued: r.queued,
    status: r.status,
    dueAt: r.due_at,
    livenessAuto: r.liveness_auto,
    livenessRequestedAt: r.liveness_requested_at,
    operatorId: r.operator_id,
    consent: r.consent_version !== null && r.consent_at !== null ? { version: r.consent_version, at: r.consent_at } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    capturedAt: r.captured_at,
    queuedAt: r.queued_at,
    purgedAt: r.purged_at,
  }
}

/** A listing row: clear columns only, plus the operator's name. */
export const applicantSummaryRowSchema = z
  .object({ ...summaryShape, operator_name: z.string().nullable() })
  .transform((r) => ({ ...camel(r), operatorName: r.operator_name }))
export type ApplicantSummaryRow = z.output<typeof applicantSummaryRowSchema>

/** A full row: the clear columns and the still-encrypted blobs. */
export const applicantRowSchema = z
  .object({ ...summaryShape, identity_enc: z.instanceof(Buffer).nullable(), binding_enc: z.instanceof(Buffer).nullable() })
  .transform((r) => ({ ...camel(r), identityEnc: r.identity_enc, bindingEnc: r.binding_enc }))
export type ApplicantRow = z.output<typeof applicantRowSchema>

/** The columns a step change reads: whether the applicant may run, and what its due time depends on. */
export const applicantSyncStateSchema = z
  .object({
    queued: flag,
    status: applicantStatusSchema,
    queued_at: time.nullable(),
    liveness_auto: flag,
    liveness_requested_at: time.nullable(),
    purged_at: time.nullable(),
  })
  .transform((r) => ({
    queued: r.queued,
    status: r.status,
    queuedAt: r.queued_at,
    livenessAuto: r.liveness_auto,
    livenessRequestedAt: r.liveness_requested_at,
    purgedAt: r.purged_at,
  }))
export type ApplicantSyncState = z.output<typeof applicantSyncStateSchema>
