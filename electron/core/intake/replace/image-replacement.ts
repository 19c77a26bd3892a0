import type { ReplaceImageResponse } from '../../../../shared/contract/applicant-images'
import type { ImageSlot } from '../../../../shared/domain/images'
import { imageReplaceableStatuses } from '../../../../shared/domain/status'
import { jsonValueSchema } from '../../db/json'
import { KycError, notFound } from '../../errors/kyc-error'
import type { KycStore } from '../../queue/store'
import { failureReason, qualityReason, type ImageIntake } from '../image'

export interface ImageReplacementDeps {
  readonly store: Pick<KycStore, 'applicants'>
  readonly intake: () => Pick<ImageIntake, 'normalize'>
  readonly operatorId: () => string | null
}


/**
 * Replaces one image of a queued applicant: the file goes through the capture quality gate, then
 * the store swaps it in one transaction that resets only that image's upload and submission steps
 * (and the reconciliation), and audits the edit and any kept finding.
 */
export async function replaceImage(
  deps: ImageReplacementDeps,
  request: { id: string; slot: ImageSlot; data: string; overrideReason: string | null },
): Promise<ReplaceImageResponse> {
  const { id, slot } = request
  const record = deps.store.applicants.get(id)
  if (!record) throw notFound('applicant')
  if (record.stage !== 'queued' || !imageReplaceableStatuses.includes(record.status)) {
    throw new KycError('CONFLICT', 'Only a queued, waiting or refused applicant’s image can be replaced')
  }
  if (record.steps.some((s) => s.state === 'running')) {
    throw new KycError('CONFLICT', 'A step is being sent right now: wait a moment (or pause sync) and replace again')
  }
  const intake = deps.intake()
  const result = await intake.normalize(Buffer.from(request.data, 'base64'), { slot })
  if (!result.ok) {
    return { outcome: 'unreadable', finding: { code: result.reason.code, reason: failureReason(result.reason), detail: null } }
  }
  const { image, quality } = result
  if (!quality.passed && request.overrideReason === null) {
    // A file chosen in the detail view may be a photo or a scan: the words say retake or rescan.
    const findings = quality.issues.map((issue) => ({ code: issue.code, ...qualityReason(issue, 'file') }))
    return { outcome: 'quality', findings }
  }
  const stored = jsonValueSchema.parse({ passed: quality.passed, issues: quality.issues, metrics: image.metrics })
  const overrideReason = quality.passed ? null : request.overrideReason
  const updated = await deps.store.applicants.update(
    id,
    { images: { [slot]: { source: { jpeg: image.jpeg }, width: image.width, height: image.height, quality: stored, overrideReason } } },
    deps.operatorId(),
  )
  if (!updated.ok) throw updated.reason === 'not-found' ? notFound('applicant') : new KycError('CONFLICT', 'This applicant can no longer be edited')
  return { outcome: 'replaced', status: updated.status, resetSteps: updated.resetSteps }
}
