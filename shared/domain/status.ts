import { z } from 'zod'
import { livenessSteps, submissionSteps, type StepError, type StepName, type StepSnapshot } from './steps'

export const applicantStatuses = [
  'draft',
  'queued',
  'syncing',
  'waiting-retry',
  'needs-attention',
  'needs-new-qr',
  'submitted',
  'liveness-pending',
  'verified',
] as const
export const applicantStatusSchema = z.enum(applicantStatuses)
export type ApplicantStatus = z.infer<typeof applicantStatusSchema>

/** Whether a refusal means the customer's account binding is no longer valid (error-actions.ts decides). */
export type BindingExpiredRule = (error: Pick<StepError, 'kind' | 'code'>) => boolean

/** Statuses in which a person must act before the engine goes on. */
export const stoppedStatuses = ['needs-attention', 'needs-new-qr'] as const satisfies readonly ApplicantStatus[]

/** Queued but nothing of it settled on the platform: one image may still be replaced. */
export const imageReplaceableStatuses: readonly ApplicantStatus[] = ['queued', 'waiting-retry', 'needs-attention', 'needs-new-qr']

/**
 * The overall status is derived from the steps, never stored independently, so it cannot drift.
 * `queued` is false for a draft the operator has not queued yet. When every failed step was
 * refused for an expired binding, a new account QR is the whole fix: `needs-new-qr`.
 */
export function deriveStatus(steps: readonly StepSnapshot[], queued: boolean, bindingExpired: BindingExpiredRule): ApplicantStatus {
  if (!queued) return 'draft'
  const byName = new Map<StepName, StepSnapshot>(steps.map((s) => [s.name, s]))
  const failed = steps.filter((s) => s.state === 'failed')
  if (failed.length > 0) return failed.every((s) => s.lastError !== null && bindingExpired(s.lastError)) ? 'needs-new-qr' : 'needs-attention'
  if (byName.get('liveness:result')?.state === 'done') return 'verified'
  const submitted = submissionSteps.every((n) => byName.get(n)?.state === 'done')
  if (submitted) {
    // A verify token out (or being asked for) means the customer's face check is awaited. When the
    // token expires the engine resets the liveness steps to pending, which reads as submitted again.
    const token = byName.get(livenessSteps[0])
    const livenessStarted = token !== undefined && (token.state === 'running' || token.state === 'done')
    return livenessStarted ? 'liveness-pending' : 'submitted'
  }
  if (steps.some((s) => s.state === 'running')) return 'syncing'
  if (steps.some((s) => s.state === 'pending' && s.nextAttemptAt !== null)) return 'waiting-retry'
  if (steps.some((s) => s.state === 'done')) return 'syncing'
  return 'queued'
}
