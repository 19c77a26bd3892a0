import type { ImageSlot } from '../../../../shared/domain/images'
import type { BindingIssue, Issue, IssueField } from '../../../../shared/identity'
import { failureReason, qualityReason, type NormalizeFailure, type QualityIssue } from '../image'
import type { Duplicate } from '../../queue/duplicates'
import { manifestIssueReason, rowIssueReason } from './issue-reasons'
import type { ImportProblem, ManifestIssue, ManifestProblem, ProblemField, RowIssue } from './problems'

/** Where an identity rule's field lives in the manifest. */
const identityColumns: Record<IssueField, ProblemField> = {
  country: 'country',
  surname: 'surname',
  givenName: 'givenName',
  documentType: 'documentType',
  documentNumber: 'documentNumber',
  birthday: 'birthday',
  gender: 'gender',
  chineseMainland: 'isChina',
  issueDate: 'issueDate',
  validity: 'expiryDate',
  expiryDate: 'expiryDate',
  mrz: 'row',
  uid: 'uid',
}

export function rowProblem(field: ProblemField, issue: RowIssue): ImportProblem {
  return { field, code: issue.code, severity: 'error', words: 'reason', reason: rowIssueReason(issue), detail: null }
}

export function identityProblem(found: Issue): ImportProblem {
  const field = found.code === 'validity.long-term-not-allowed' ? 'longTerm' : identityColumns[found.field]
  return { field, code: found.code, severity: found.severity, words: 'identity', identity: found }
}

export function bindingProblem(found: BindingIssue): ImportProblem {
  const field = found.field === 'token' ? 'token' : 'uid'
  return { field, code: found.code, severity: 'error', words: 'binding', binding: found }
}

export function imageFailureProblem(slot: ImageSlot, reason: NormalizeFailure): ImportProblem {
  return {
    field: slot,
    code: `image.${reason.code}`,
    severity: 'error',
    words: 'reason',
    reason: failureReason(reason),
    detail: null,
  }
}

/**
 * The quality gate's findings are warnings: as at the counter, a blurred or dark image blocks
 * the row unless the operator accepts it with a reason (which the event log keeps).
 */
export function qualityProblem(found: QualityIssue): ImportProblem {
  return {
    field: found.slot,
    code: `quality.${found.code}`,
    severity: 'warning',
    words: 'reason',
    // A manifest's image may be a photo or a scan: the words for a chosen file say both.
    ...qualityReason(found, 'file'),
  }
}

export function manifestProblem(issue: ManifestIssue): ManifestProblem {
  return { code: issue.code, reason: manifestIssueReason(issue) }
}

/**
 * An applicant already in the queue with this row's account or document: a warning, as at the
 * counter, so the row imports only with the operator's reason; it names and links the other one.
 */
export function duplicateProblem(found: Duplicate): ImportProblem {
  return {
    field: found.match === 'uid' ? 'uid' : 'documentNumber',
    code: `duplicate.${found.match}`,
    severity: 'warning',
    words: 'reason',
    reason: { key: `capture.duplicate.${found.match}`, params: { reference: found.reference } },
    detail: null,
    applicant: { id: found.applicantId, reference: found.reference },
  }
}
