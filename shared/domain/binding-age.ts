import type { ApplicantStatus } from './status'

/**
 * Statuses in which the customer's binding is still to be used to submit: captured (often
 * offline) but not yet on the platform. A token ages out there, usually after the customer left.
 * `needs-new-qr` is left out: its binding is known dead, not merely old.
 */
export const bindingAwaitedStatuses = ['draft', 'queued', 'syncing', 'waiting-retry', 'needs-attention'] as const satisfies readonly ApplicantStatus[]

const hourMs = 60 * 60_000

/** Bindings scanned before this time are old (the setting `sync.bindingWarnAfterHours`). */
export function oldBindingCutoff(now: number, warnAfterHours: number): number {
  return now - warnAfterHours * hourMs
}

/** Whether to warn that this applicant's binding may have expired before it was used. */
export function hasOldBinding(applicant: { readonly status: ApplicantStatus; readonly bindingAt: number | null }, now: number, warnAfterHours: number): boolean {
  return (
    applicant.bindingAt !== null &&
    (bindingAwaitedStatuses as readonly ApplicantStatus[]).includes(applicant.status) &&
    applicant.bindingAt < oldBindingCutoff(now, warnAfterHours)
  )
}

/** Whole hours since the binding was scanned, for the warning's words. */
export function bindingAgeHours(bindingAt: number, now: number): number {
  return Math.floor((now - bindingAt) / hourMs)
}
