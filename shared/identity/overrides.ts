import { z } from 'zod'
import { issueCatalog, issueCodes, issueFieldSchema, type Issue, type WarningCode } from './issues'
import { fieldLimits } from './limits'

export const warningCodes = issueCodes.filter((code): code is WarningCode => issueCatalog[code].severity === 'warning')

/**
 * The operator's decision to proceed despite a warning (say, a card whose validity period does not
 * match the law). Only warnings can be overridden, and only with a reason, which goes into the
 * event log; errors must be fixed.
 */
export const warningOverrideSchema = z.object({
  field: issueFieldSchema,
  code: z.enum(warningCodes as [WarningCode, ...WarningCode[]]),
  reason: z.string().trim().min(1).max(fieldLimits.overrideReason),
})
export type WarningOverride = z.infer<typeof warningOverrideSchema>

/** The issues that still stand in the way of queueing: every error, and every warning nobody overrode with a reason. */
export function unresolvedIssues(issues: readonly Issue[], overrides: readonly WarningOverride[]): Issue[] {
  return issues.filter(
    (found) =>
      found.severity === 'error' ||
      !overrides.some((o) => o.field === found.field && o.code === found.code && o.reason.trim() !== ''),
  )
}
