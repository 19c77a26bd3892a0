import { normalizeDocumentNumber } from '../../../shared/identity'
import type { ApplicantsRepository } from '../db/tables/applicants/repository'
import type { ApplicantRecord } from './types'

/** Another queued applicant (active, submitted or verified) bound to the same account or holding the same document. */
export interface Duplicate {
  readonly applicantId: string
  readonly reference: string
  readonly match: 'uid' | 'document'
}

/**
 * The platform keeps one record per account, and one person should be onboarded once: before an
 * applicant is queued, the others in this queue that share its uid or document number. Their data
 * is encrypted, so each candidate is opened.
 */
export function findDuplicates(
  applicants: ApplicantsRepository,
  open: (id: string) => ApplicantRecord | null,
  self: { id: string; uid: string; documentNumber: string },
): Duplicate[] {
  const wanted = normalizeDocumentNumber(self.documentNumber)
  const found: Duplicate[] = []
  for (const candidate of applicants.queuedWithDataExcept(self.id)) {
    const record = open(candidate.id)
    if (!record || record.stage !== 'queued') continue
    if (record.binding.uid === self.uid) found.push({ applicantId: candidate.id, reference: candidate.reference, match: 'uid' })
    else if (normalizeDocumentNumber(record.identity.documentNumber) === wanted) found.push({ applicantId: candidate.id, reference: candidate.reference, match: 'document' })
  }
  return found
}
