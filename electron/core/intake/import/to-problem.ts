import type { ImageSlot } from '../../../../shared/domain/images'
import { describeBindingIssue, describeIssue, type BindingIssue, type Issue, type IssueField } from '../../../../shared/identity'
import { describeFailure, describeIssue as describeQualityIssue, type NormalizeFailure, type QualityIssue } from '../image'
import type { Duplicate } from '../../queue/duplicates'
import { describeDuplicate } from '../capture/duplicate-refusal'
import { manifestMessages, rowMessages } from './messages'
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
  return { field, code: issue.code, severity: 'error', message: rowMessages(field, issue) }
}

export function identityProblem(found: Issue): ImportProblem {
  const field = found.code === 'validity.long-term-not-allowed' ? 'longTerm' : identityColumns[found.field]
  return { field, code: found.code, severity: found.severity, message: { en: describeIssue(found, 'en'), 'zh-CN': describeIssue(found, 'zh-CN') } }
}

export function bindingProblem(found: BindingIssue): ImportProblem {
  const field = found.field === 'token' ? 'token' : 'uid'
  return { field, code: found.code, severity: 'error', message: { en: describeBindingIssue(found, 'en'), 'zh-CN': describeBindingIssue(found, 'zh-CN') } }
}

export function imageFailureProblem(slot: ImageSlot, reason: NormalizeFailure): ImportProblem {
  return {
    field: slot,
    code: `image.${reason.code}`,
    severity: 'error',
    message: { en: describeFailure(slot, reason, 'en'), 'zh-CN': describeFailure(slot, reason, 'zh-CN') },
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
    message: { en: describeQualityIssue(found, 'en'), 'zh-CN': describeQualityIssue(found, 'zh-CN') },
  }
}

export function manifestProblem(issue: ManifestIssue): ManifestProblem {
  return { code: issue.code, message: manifestMessages(issue) }
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
    message: { en: describeDuplicate(found, 'en'), 'zh-CN': describeDuplicate(found, 'zh-CN') },
    applicant: { id: found.applicantId, reference: found.reference },
  }
}
