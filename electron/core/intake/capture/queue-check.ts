import type { FieldIssue } from '../../../../shared/contract/errors'
import type { CaptureForm, Slots } from '../../../../shared/contract/intake'
import type { IdentityData, IsoDate } from '../../../../shared/domain/identity'
import { imageSlots } from '../../../../shared/domain/images'
import { unresolvedIssues, validateIdentity, type Issue } from '../../../../shared/identity'

export interface QueueCheckInput {
  readonly form: CaptureForm
  readonly hasBinding: boolean
  readonly slots: Slots
  readonly today: IsoDate
  /** Issues of an ID card chip read into the draft (shared/identity/chip-checks.ts). */
  readonly chipIssues?: readonly Issue[]
}

export type QueueCheck =
  | { ok: true; identity: IdentityData; acceptedWarnings: Issue[] }
  | { ok: false; issues: FieldIssue[] }

/**
 * Main's own judgement before queueing, whatever the screen showed: the identity rules with the
 * operator's reasoned overrides, the binding, three images each passing the quality gate or kept
 * for a reason, and the customer's consent.
 */
export function checkBeforeQueue(input: QueueCheckInput): QueueCheck {
  const { form } = input
  const issues: FieldIssue[] = []
  const validation = validateIdentity(form.identity, { today: input.today })
  const allIssues = [...validation.issues, ...(input.chipIssues ?? [])]
  const unresolved = unresolvedIssues(allIssues, form.overrides)
  for (const found of unresolved) {
    // The screen words the issue itself, as the form does its own check; the message is for the log.
    issues.push({ field: found.field, code: found.code, severity: found.severity, message: `${found.field}: ${found.code}`, identity: found })
  }
  if (validation.status !== 'complete' && unresolved.length === 0) {
    issues.push({ field: 'identity', code: 'identity-incomplete', severity: 'error', message: 'The identity data still has problems', reason: { key: 'capture.identityIncomplete' } })
  }
  if (!input.hasBinding) {
    issues.push({ field: 'binding', code: 'no-binding', severity: 'error', message: 'The platform account is not bound', reason: { key: 'capture.noBinding' } })
  }
  for (const slot of imageSlots.filter((s) => input.slots[s] === null)) {
    issues.push({ field: 'images', code: 'missing-image', severity: 'error', message: `The ${slot} image is missing`, reason: { key: `capture.missingImage.${slot}` } })
  }
  for (const slot of imageSlots) {
    const state = input.slots[slot]
    if (!state || state.issues.length === 0 || state.overrideReason) continue
    for (const found of state.issues) {
      issues.push({ field: slot, code: `quality.${found.code}`, severity: 'warning', message: `The ${slot} image did not pass the quality check (${found.code})`, reason: found.reason })
    }
  }
  if (!form.consent) {
    issues.push({ field: 'consent', code: 'no-consent', severity: 'error', message: 'The customer has not consented', reason: { key: 'capture.noConsent' } })
  }
  if (issues.length > 0 || validation.status !== 'complete') return { ok: false, issues }
  const acceptedWarnings = allIssues.filter((found) => found.severity === 'warning')
  return { ok: true, identity: validation.identity, acceptedWarnings }
}
