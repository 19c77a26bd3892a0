import { accountBindingSchema, identityDataSchema } from '../../../shared/domain/identity'
import type { ImageSlot } from '../../../shared/domain/images'
import type { ApplicantRow } from '../db/tables/applicants/rows'
import type { StoreContext } from './context'
import type { ApplicantRecord, ImageMeta } from './types'

export const IDENTITY_FIELD = 'identity'
export const BINDING_FIELD = 'binding'

export function openIdentity(ctx: StoreContext, row: ApplicantRow) {
  return row.identityEnc === null
    ? null
    : ctx.vault.openJson(row.identityEnc, { applicantId: row.id, field: IDENTITY_FIELD }, identityDataSchema)
}

export function openBinding(ctx: StoreContext, row: ApplicantRow) {
  return row.bindingEnc === null
    ? null
    : ctx.vault.openJson(row.bindingEnc, { applicantId: row.id, field: BINDING_FIELD }, accountBindingSchema)
}

export class CorruptRecordError extends Error {
  override readonly name = 'CorruptRecordError'
}

/** Decrypts and assembles the full record; main process only. */
export function loadRecord(ctx: StoreContext, id: string): ApplicantRecord | null {
  const row = ctx.applicants.get(id)
  if (!row) return null
  const base = {
    id: row.id,
    reference: row.reference,
    label: row.label,
    documentType: row.documentType,
    country: row.country,
    language: row.language,
    status: row.status,
    operatorId: row.operatorId,
    livenessAuto: row.livenessAuto,
    livenessRequestedAt: row.livenessRequestedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    capturedAt: row.capturedAt,
  }
  if (row.purgedAt !== null) {
    const steps = ctx.steps.forApplicant(id)
    return { ...base, stage: 'purged', queuedAt: row.queuedAt, purgedAt: row.purgedAt, consent: row.consent, steps }
  }
  const images: Partial<Record<ImageSlot, ImageMeta>> = {}
  for (const image of ctx.images.forApplicant(id)) images[image.slot] = image
  const identity = openIdentity(ctx, row)
  const binding = openBinding(ctx, row)
  if (!row.queued) return { ...base, stage: 'draft', identity, binding, images, consent: row.consent }
  const { front, back, hand } = images
  // queue() refuses to queue without these, so their absence means the file was tampered with.
  if (!identity || !binding || !front || !back || !hand || !row.consent || row.queuedAt === null) {
    throw new CorruptRecordError(`queued applicant ${id} lacks data it was queued with`)
  }
  return {
    ...base,
    stage: 'queued',
    queuedAt: row.queuedAt,
    identity,
    binding,
    images: { front, back, hand },
    consent: row.consent,
    steps: ctx.steps.forApplicant(id),
  }
}
