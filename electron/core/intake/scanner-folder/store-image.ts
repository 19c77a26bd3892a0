import { unlink } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import type { ImageSlot } from '../../../../shared/domain/images'
import { jsonValueSchema } from '../../db/json'
import type { ApplicantQueue } from '../../queue/applicant-queue'
import type { UpdateResult } from '../../queue/types'
import type { NormalizedImage, QualityVerdict } from '../image'

/** What the scanner inbox needs of the queue service (`KycStore['applicants']` has it). */
export type ScannerApplicants = Pick<ApplicantQueue, 'list' | 'update'>

/** The applicant with exactly this reference (references are printed on slips and typed into scanner profiles). */
export function findByReference(applicants: ScannerApplicants, reference: string) {
  const wanted = reference.toLowerCase()
  return applicants.list({ search: reference, limit: 50 }).items.find((a) => a.reference.toLowerCase() === wanted) ?? null
}

/** Puts the normalised image into the applicant's slot through the queue service (encrypted image store, audit log). */
export function attachImage(
  applicants: ScannerApplicants,
  target: { applicantId: string; slot: ImageSlot; operatorId: string | null; overrideReason: string | null },
  image: NormalizedImage,
  quality: QualityVerdict,
): Promise<UpdateResult> {
  const images = {
    [target.slot]: {
      source: { jpeg: image.jpeg },
      width: image.width,
      height: image.height,
      quality: jsonValueSchema.parse({ passed: quality.passed, issues: quality.issues, source: 'scanner' }),
      overrideReason: quality.passed ? null : target.overrideReason,
    },
  }
  return applicants.update(target.applicantId, { images }, target.operatorId)
}

/**
 * Deletes the original once its encrypted copy is committed. Deleted, not moved: the original is
 * a plaintext scan of an identity document (with whatever metadata the scanner wrote); a copy
 * kept anywhere would escape both the encryption at rest and the retention purge. Windows
 * scanner software sometimes still holds the file for a moment, hence the short retries.
 */
export async function removeOriginal(path: string): Promise<boolean> {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      await unlink(path)
      return true
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return true
      if (code !== 'EBUSY' && code !== 'EPERM' && code !== 'EACCES') return false
      await sleep(150 * (attempt + 1))
    }
  }
  return false
}
