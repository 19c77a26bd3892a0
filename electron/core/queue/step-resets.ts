import { livenessSteps, submissionSteps, type StepName, type StepSnapshot } from '../../../shared/domain/steps'
import type { StoreContext } from './context'
import { freshStep } from './transitions'

/**
 * Helpers that run inside a caller's transaction and return the steps they changed. The caller
 * then calls `refreshDerived` once and publishes.
 */

function reset(ctx: StoreContext, applicantId: string, step: StepSnapshot, at: number): StepSnapshot {
  const fresh = freshStep(step, at)
  ctx.steps.update(applicantId, fresh)
  // Outputs of the old attempt (object key, verify token) describe data that is now stale.
  ctx.steps.setData(applicantId, step.name, null)
  return fresh
}

/**
 * Back to pending, attempts and errors cleared. Re-running any submission step also resets the
 * liveness steps and withdraws the liveness request: a face check done against the previous
 * record (or another account) proves nothing about the edited one.
 */
export function resetStepsInTx(ctx: StoreContext, applicantId: string, names: readonly StepName[], at: number): StepSnapshot[] {
  const targets = new Set<StepName>(names)
  if (names.some((n) => submissionSteps.includes(n))) {
    for (const n of livenessSteps) targets.add(n)
    ctx.applicants.setLivenessRequested(applicantId, null)
  }
  return ctx.steps
    .forApplicant(applicantId)
    .filter((s) => targets.has(s.name))
    .map((s) => reset(ctx, applicantId, s, at))
}

/**
 * Creates the liveness steps on first request, or resets them for a re-issue, and marks the
 * applicant as wanting them run.
 */
export function requestLivenessInTx(ctx: StoreContext, applicantId: string, at: number): StepSnapshot[] {
  const existing = new Map(ctx.steps.forApplicant(applicantId).map((s) => [s.name, s]))
  const missing: StepName[] = livenessSteps.filter((n) => !existing.has(n))
  ctx.steps.insertPending(applicantId, missing, at)
  ctx.applicants.setLivenessRequested(applicantId, at)
  const changed = livenessSteps.flatMap((n) => {
    const step = existing.get(n)
    return step ? [reset(ctx, applicantId, step, at)] : []
  })
  return [...changed, ...ctx.steps.forApplicant(applicantId).filter((s) => missing.includes(s.name))]
}

/**
 * Liveness token expired (or the operator withdrew it): the steps go back to pending and are not
 * run again until asked for, which reads as `submitted` again.
 */
export function cancelLivenessInTx(ctx: StoreContext, applicantId: string, at: number): StepSnapshot[] {
  ctx.applicants.setLivenessRequested(applicantId, null)
  return ctx.steps
    .forApplicant(applicantId)
    .filter((s) => (livenessSteps as readonly StepName[]).includes(s.name))
    .map((s) => reset(ctx, applicantId, s, at))
}
