import { KycError } from '../../errors/kyc-error'
import type { Duplicate } from '../../queue/duplicates'

/**
 * Queueing stops, as a warning the operator may overrule with a reason: the first duplicate is in
 * the reason (with its id, for a link to it), every one in the issues (worded by the screen).
 */
export function duplicateRefusal(duplicates: readonly Duplicate[]): KycError {
  const issues = duplicates.map((d) => ({
    field: d.match === 'uid' ? 'binding' : 'identity.documentNumber',
    code: `duplicate.${d.match}`,
    severity: 'warning' as const,
    // The screen words the reason; the message is for the log.
    message: `duplicate ${d.match}: ${d.reference}`,
    reason: { key: `capture.duplicate.${d.match}`, params: { reference: d.reference } },
  }))
  const first = duplicates[0]
  return new KycError('CONFLICT', issues[0]?.message ?? '', issues, {
    key: `capture.duplicate.${first?.match ?? 'uid'}`,
    params: { reference: first?.reference ?? '', applicantId: first?.applicantId ?? '', count: duplicates.length },
  })
}
