import type { ApplicantSummary, StepChange } from '../../../shared/contract'
import { stepNames, type StepError, type StepName, type StepSnapshot } from '../../../shared/domain/steps'

const order = new Map<StepName, number>(stepNames.map((name, index) => [name, index]))

/**
 * The row's error in words, as the core's listing derives it: the failed step's error, else the
 * newest transient one still waiting to retry. Kept in step with electron/core/queue/listing.ts.
 */
export function lastErrorOf(steps: readonly StepSnapshot[]): StepError | null {
  const failed = steps.find((s) => s.state === 'failed')
  if (failed) return failed.lastError
  const waiting = steps.filter((s) => s.state === 'pending' && s.lastError !== null)
  return waiting.sort((a, b) => b.updatedAt - a.updatedAt)[0]?.lastError ?? null
}

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

/** The liveness poll's "not verified yet" (-1002) while the customer is at it: a wait, not an error. */
export const LIVENESS_NOT_YET = '-1002'

/** The error worth showing for a row: none while the only "error" is the face check not done yet. */
export function shownError(row: Pick<ApplicantSummary, 'status' | 'lastError'>): StepError | null {
  if (row.status === 'liveness-pending' && row.lastError?.code === LIVENESS_NOT_YET) return null
  return row.lastError
}
