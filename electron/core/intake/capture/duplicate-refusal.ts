import type { Locale } from '../../../../shared/identity'
import { KycError } from '../../errors/kyc-error'
import type { Duplicate } from '../../queue/duplicates'

const words: Record<Duplicate['match'], Record<Locale, string>> = {
  uid: { 'zh-CN': '申请 {reference} 已绑定同一平台账户', en: 'Applicant {reference} is bound to the same platform account' },
  document: { 'zh-CN': '申请 {reference} 使用同一证件号码', en: 'Applicant {reference} has the same document number' },
}

/** One duplicate in words, for the capture's refusal and the batch import's warning alike. */
export function describeDuplicate(duplicate: Duplicate, locale: Locale): string {
  return words[duplicate.match][locale].replace('{reference}', duplicate.reference)
}

/**
 * Queueing stops, as a warning the operator may overrule with a reason: the first duplicate is in
 * the reason (with its id, for a link to it), every one in the issues.
 */
export function duplicateRefusal(duplicates: readonly Duplicate[], locale: Locale): KycError {
  const issues = duplicates.map((d) => ({
    field: d.match === 'uid' ? 'binding' : 'identity.documentNumber',
    code: `duplicate.${d.match}`,
    severity: 'warning' as const,
    message: describeDuplicate(d, locale),
  }))
  const first = duplicates[0]
  return new KycError('CONFLICT', issues[0]?.message ?? '', issues, {
    key: `capture.duplicate.${first?.match ?? 'uid'}`,
    params: { reference: first?.reference ?? '', applicantId: first?.applicantId ?? '', count: duplicates.length },
  })
}
