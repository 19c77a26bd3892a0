import { z } from 'zod'
import { livenessSteps, submissionSteps, type StepName, type StepSnapshot } from './steps'

export const applicantStatuses = [
  'draft',
  'queued',
  'syncing',
  'waiting-retry',
  'needs-attention',
  'submitted',
  'liveness-pending',
  'verified',
] as const
export const applicantStatusSchema = z.enum(applicantStatuses)
export type ApplicantStatus = z.infer<typeof applicantStatusSchema>

/**
 * The overall status is derived from the steps, never stored independently, so it cannot drift.
 * `queuedForSync` is false for a draft the operator has not queued yet.
 */
export function deriveStatus(steps: readonly StepSnapshot[], queuedForSync: boolean): ApplicantStatus {
  if (!queuedForSync) return 'draft'
  const byName = new Map<StepName, StepSnapshot>(steps.map((s) => [s.name, s]))
  if (steps.some((s) => s.state === 'failed')) return 'needs-attention'
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
