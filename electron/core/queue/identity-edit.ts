import type { FieldIssue } from '../../../shared/contract/errors'
import type { IdentityData } from '../../../shared/domain/identity'
import { localIsoDate } from '../../../shared/domain/local-date'
import type { IdentityDraft } from '../../../shared/identity/draft'
import { validateIdentity } from '../../../shared/identity/validate-applicant'
import { KycError } from '../errors/kyc-error'

export interface IdentityEdit {
  /** The form's identity; an empty document number keeps the stored one (the form held it masked). */
  readonly draft: Omit<IdentityDraft, 'mrz'>
  readonly stored: IdentityData | null
  readonly acknowledgeWarnings: boolean
  readonly now: number
}

/**
 * The identity an edit will store, checked by the same rules as capture. Errors refuse the edit
 * with one issue per field; warnings refuse it too until the operator acknowledged them.
 */
export function checkIdentityEdit(edit: IdentityEdit): { identity: IdentityData; warnings: FieldIssue[] } {
  const typed = edit.draft.documentNumber?.trim() ?? ''
  const documentNumber = typed !== '' ? typed : (edit.stored?.documentNumber ?? null)
  const result = validateIdentity({ ...edit.draft, documentNumber }, { today: localIsoDate(edit.now) })
  const issues: FieldIssue[] = result.issues.map((found) => ({
    field: found.field,
    code: found.code,
    severity: found.severity,
    // The screen words the issue itself; the message is for the log.
    message: `${found.field}: ${found.code}`,
    identity: found,
  }))
  const errors = issues.filter((i) => i.severity === 'error')
  const warnings = issues.filter((i) => i.severity === 'warning')
  if (result.status !== 'complete' || errors.length > 0) {
    throw new KycError('INVALID_INPUT', 'Some fields are not valid', errors.length > 0 ? errors : issues, { key: 'edit.invalid' })
  }
  if (warnings.length > 0 && !edit.acknowledgeWarnings) {
    throw new KycError('INVALID_INPUT', 'Some fields have warnings: check them and confirm to save', warnings, { key: 'edit.warnings' })
  }
  return { identity: result.identity, warnings }
}
