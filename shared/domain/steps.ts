import { z } from 'zod'
import { errorReasonSchema } from '../contract/errors'

/** Every step an applicant goes through, in order. Liveness steps run only when asked for. */
export const stepNames = [
  'sts',
  'upload:front',
  'upload:back',
  'upload:hand',
  'authnew:1',
  'authnew:2',
  'authnew:3',
  'authnew:4',
  'reconcile',
  'liveness:token',
  'liveness:result',
] as const
export const stepNameSchema = z.enum(stepNames)
export type StepName = z.infer<typeof stepNameSchema>

export const submissionSteps = stepNames.filter((s) => !s.startsWith('liveness:')) as readonly StepName[]
export const livenessSteps = ['liveness:token', 'liveness:result'] as const satisfies readonly StepName[]

export const stepStates = ['pending', 'running', 'done', 'failed'] as const
export const stepStateSchema = z.enum(stepStates)
export type StepState = z.infer<typeof stepStateSchema>

/**
 * Why a step failed. `transient` failures are retried on their own (the step stays pending with a
 * next-attempt time); `refused` and `invalid` need a person.
 */
export const stepErrorSchema = z.object({
  kind: z.enum(['transient', 'refused', 'invalid']),
  /** Platform status, OSS error code or HTTP status, as text (e.g. "-1002", "SignatureDoesNotMatch", "503"). */
  code: z.string().max(64),
  /** The platform's message verbatim where it gave one; otherwise ours, in English, for the log and IT. */
  message: z.string().max(2000),
  /** What the screen words instead of `message` when the failure is ours, not the platform's (shared/i18n/step-errors.ts). */
  reason: errorReasonSchema.optional(),
})
export type StepError = z.infer<typeof stepErrorSchema>

export const stepSnapshotSchema = z.object({
  name: stepNameSchema,
  state: stepStateSchema,
  attempts: z.number().int().nonnegative(),
  /** Epoch milliseconds of the next automatic attempt, while waiting to retry. */
  nextAttemptAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
  lastError: stepErrorSchema.nullable(),
})
export type StepSnapshot = z.infer<typeof stepSnapshotSchema>

/** A step's state as the operator reads it (shared/i18n/step-states.ts): a pending step with its next attempt set waits for its automatic retry. */
export type ShownStepState = StepState | 'waiting-retry'

export function shownStepState(step: Pick<StepSnapshot, 'state' | 'nextAttemptAt'>): ShownStepState {
  return step.state === 'pending' && step.nextAttemptAt !== null ? 'waiting-retry' : step.state
}

/**
 * The step's error worth naming for the applicant: the failed step's, else the newest transient
 * one still waiting to retry. The listing stores it; the renderer re-derives it as changes arrive.
 */
export function lastErrorOf(steps: readonly StepSnapshot[]): StepError | null {
  const failed = steps.find((s) => s.state === 'failed')
  if (failed) return failed.lastError
  const waiting = steps.filter((s) => s.state === 'pending' && s.lastError !== null)
  return waiting.sort((a, b) => b.updatedAt - a.updatedAt)[0]?.lastError ?? null
}

/**
 * `vedioAuth`'s status while the face check is not done yet (or has expired)
 * (docs/platform-api/CONTRACT.md): the one refusal that means "ask again later". A step error
 * carries it as text.
 */
export const LIVENESS_NOT_VERIFIED = -1002
export const livenessNotVerifiedCode = String(LIVENESS_NOT_VERIFIED)

/**
 * The customer is at the face check: the verify token is out and its result not in yet. A wait,
 * not a retry or a failure, wherever steps are shown.
 */
export function awaitsCustomerFace(steps: readonly StepSnapshot[]): boolean {
  const token = steps.find((s) => s.name === 'liveness:token')
  const result = steps.find((s) => s.name === 'liveness:result')
  return token?.state === 'done' && (result?.state === 'pending' || result?.state === 'running')
}
