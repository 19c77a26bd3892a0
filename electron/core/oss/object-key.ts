import type { ImageSlot, Sha256Hex } from '../../../shared/domain/images'

/**
 * docs/platform-api/CONTRACT.md: `kyc/<uid>/<applicant id>/<slot>-<sha256 prefix>.jpg`. Deterministic, so a retried
 * or replayed upload writes the same object instead of a second one.
 */
export function objectKeyFor(uid: string, applicantId: string, slot: ImageSlot, sha256: Sha256Hex): string {
  return `kyc/${uid}/${applicantId}/${slot}-${sha256.slice(0, 16)}.jpg`
}
