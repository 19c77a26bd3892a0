import type { ApplicantSummary, StepChange } from '../../../shared/contract'
import { lastErrorOf, livenessNotVerifiedCode, stepNames, type StepError, type StepName, type StepSnapshot } from '../../../shared/domain/steps'

const order = new Map<StepName, number>(stepNames.map((name, index) => [name, index]))

/**
 * Applies one step change to a dashboard row in place: the step (added in order if new, as the
 * liveness steps are), the overall status and the last error. Mutating the row object, not the
 * list, is what keeps a busy sync from re-rendering the whole dashboard.
 */
export function applyStepChange(row: ApplicantSummary, change: StepChange): void {
  const step: StepSnapshot = {
    name: change.step,
    state: change.state,
    attempts: change.attempts,
    nextAttemptAt: change.nextAttemptAt,
    updatedAt: change.updatedAt,
    lastError: change.error,
  }
  const index = row.steps.findIndex((s) => s.name === change.step)
  if (index >= 0) {
    const current = row.steps[index]
    // A batch may carry an older change after a newer one was applied from a reload.
    if (current && current.updatedAt > change.updatedAt) return
    row.steps.splice(index, 1, step)
  } else {
    const at = row.steps.findIndex((s) => (order.get(s.name) ?? 0) > (order.get(change.step) ?? 0))
    row.steps.splice(at < 0 ? row.steps.length : at, 0, step)
  }
  if (row.status !== change.status) row.status = change.status
  if (row.updatedAt < change.updatedAt) row.updatedAt = change.updatedAt
  const error = lastErrorOf(row.steps)
  if (JSON.stringify(error) !== JSON.stringify(row.lastError)) row.lastError = error
}

/** The error worth showing for a row: none while the only "error" is the face check not done yet (a wait). */
export function shownError(row: Pick<ApplicantSummary, 'status' | 'lastError'>): StepError | null {
  if (row.status === 'liveness-pending' && row.lastError?.code === livenessNotVerifiedCode) return null
  return row.lastError
}
