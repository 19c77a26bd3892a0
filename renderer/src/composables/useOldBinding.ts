import type { ApplicantStatus } from '../../../shared/domain/status'
import { bindingAgeHours, hasOldBinding } from '../../../shared/domain/binding-age'
import { defaultSettings } from '../../../shared/domain/settings'
import { useSettingsStore } from '../stores/settings'

/** `age`: whole hours since the account QR was scanned; `hours`: the warning age in force (settings.sync.bindingWarnAfterHours). */
export type OldBinding = { readonly age: number; readonly hours: number }

/** Whether an applicant not yet submitted holds an account QR past the warning age, and how old it is. */
export function useOldBinding(now: () => number = Date.now): (applicant: { status: ApplicantStatus; bindingAt: number | null }) => OldBinding | null {
  const settings = useSettingsStore()
  return (applicant) => {
    const hours = settings.view?.settings.sync.bindingWarnAfterHours ?? defaultSettings.sync.bindingWarnAfterHours
    const at = now()
    if (applicant.bindingAt === null || !hasOldBinding(applicant, at, hours)) return null
    return { age: bindingAgeHours(applicant.bindingAt, at), hours }
  }
}
