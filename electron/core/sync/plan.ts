import type { StepName, StepSnapshot } from '../../../shared/domain/steps'

export type Plan =
  /** Run these steps now (several only for the three uploads, which run in parallel). */
  | { readonly kind: 'run'; readonly steps: readonly StepName[] }
  /** The next step waits for its backoff. */
  | { readonly kind: 'wait'; readonly until: number }
  /** Nothing the engine may do: finished, a person must act, or liveness not asked for. */
  | { readonly kind: 'none' }

const isUpload = (name: StepName) => name.startsWith('upload:')
const isDue = (step: StepSnapshot, now: number) => step.nextAttemptAt === null || step.nextAttemptAt <= now

/**
 * The next thing to do for one applicant, from its steps in order. Steps run strictly in order
 * except the three uploads, which only depend on `sts` and go in parallel. `force` ignores the
 * backoff (the operator pressed sync, or the network came back).
 */
export function planNext(steps: readonly StepSnapshot[], livenessRequested: boolean, now: number, force: boolean): Plan {
  if (steps.some((s) => s.state === 'failed' || s.state === 'running')) return { kind: 'none' }
  const first = steps.find((s) => s.state === 'pending')
  if (!first) return { kind: 'none' }
  if (first.name.startsWith('liveness:') && !livenessRequested) return { kind: 'none' }
  const group = isUpload(first.name) ? steps.filter((s) => s.state === 'pending' && isUpload(s.name)) : [first]
  const ready = force ? group : group.filter((s) => isDue(s, now))
  if (ready.length > 0) return { kind: 'run', steps: ready.map((s) => s.name) }
  return { kind: 'wait', until: Math.min(...group.map((s) => s.nextAttemptAt ?? now)) }
}

/** Every upload is done: what is left for this applicant is round trips, not the upload line. */
export function uploadsBehind(steps: readonly StepSnapshot[]): boolean {
  return steps.every((s) => !isUpload(s.name) || s.state === 'done')
}
