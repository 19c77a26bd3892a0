import { deriveStatus, stoppedStatuses, type ApplicantStatus } from '../../../shared/domain/status'
import type { StepSnapshot } from '../../../shared/domain/steps'
import type { ApplicantRow } from '../db/tables/applicants/rows'
import type { StoreContext } from './context'
import type { StepChange } from './types'

type DueInputs = Pick<ApplicantRow, 'queued' | 'purgedAt' | 'queuedAt' | 'livenessRequestedAt'>

/**
 * When the engine may next work on the applicant: the time its first pending step (in step
 * order) becomes due, since steps run strictly in order. Null when there is nothing it may do
 * on its own: a draft, purged, a person must act, a step already running, or only liveness
 * steps left and nobody asked for liveness. Fresh steps count as due from the time of queueing,
 * so waiting applicants are served first come, first served.
 */
export function computeDueAt(row: DueInputs, status: ApplicantStatus, steps: readonly StepSnapshot[]): number | null {
  if (!row.queued || row.purgedAt !== null || isStopped(status)) return null
  if (steps.some((s) => s.state === 'running')) return null
  const first = steps.find((s) => s.state === 'pending')
  if (!first) return null
  if (first.name.startsWith('liveness:') && row.livenessRequestedAt === null) return null
  return first.nextAttemptAt ?? row.queuedAt ?? 0
}

/**
 * Recomputes `status` (with the domain's deriveStatus) and `due_at` from the steps. Every write
 * that touches steps or the queued flag calls this inside its own transaction; nothing else
 * writes those columns, so they cannot drift from the steps.
 */
export function refreshDerived(ctx: StoreContext, applicantId: string, at: number) {
  const row = ctx.applicants.syncState(applicantId)
  if (!row) throw new Error(`applicant ${applicantId} vanished inside its own transaction`)
  return applyDerived(ctx, applicantId, row, ctx.steps.forApplicant(applicantId), at)
}

/**
 * The same, for a caller that holds the applicant's row and every one of its steps as they now
 * stand in this transaction (a step change that read them and knows what it wrote).
 */
export function applyDerived(ctx: StoreContext, applicantId: string, row: DueInputs, steps: readonly StepSnapshot[], at: number) {
  const status = deriveStatus(steps, row.queued, ctx.bindingExpired)
  ctx.applicants.setDerived(applicantId, status, computeDueAt(row, status, steps), at)
  return { status, steps }
}

function isStopped(status: ApplicantStatus): boolean {
  return (stoppedStatuses as readonly ApplicantStatus[]).includes(status)
}

export function changeOf(applicantId: string, step: StepSnapshot, status: ApplicantStatus): StepChange {
  return {
    applicantId,
    step: step.name,
    state: step.state,
    attempts: step.attempts,
    nextAttemptAt: step.nextAttemptAt,
    updatedAt: step.updatedAt,
    error: step.lastError,
    status,
  }
}
