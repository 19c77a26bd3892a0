import type { ErrorReason } from '../../../shared/contract/errors'
import type { StepError, StepName, StepSnapshot, StepState } from '../../../shared/domain/steps'
import type { StepDataFor } from './step-data'

/** The step state machine's moves: a start, and the three ways an attempt ends (see StepResult). */
export type StepTransition<N extends StepName = StepName> =
  | { readonly kind: 'started' }
  | { readonly kind: 'done'; readonly data?: StepDataFor<N> }
  | {
      readonly kind: 'failed-transient'
      readonly error: { readonly code: string; readonly message: string; readonly reason?: ErrorReason }
      readonly nextAttemptAt: number
    }
  | {
      readonly kind: 'failed-needs-attention'
      readonly error: { readonly kind: 'refused' | 'invalid'; readonly code: string; readonly message: string; readonly reason?: ErrorReason }
    }

/** A transition applied to a step: the step after it, or the state that refused it. */
export type AppliedTransition =
  | { readonly ok: true; readonly step: StepSnapshot }
  | { readonly ok: false; readonly from: StepState }

const MAX_CODE = 64
const MAX_MESSAGE = 2000

/** Platform messages can be long; the domain schema caps them, and a cap must not lose the step. */
function clampError(error: StepError): StepError {
  const clamped = { kind: error.kind, code: error.code.slice(0, MAX_CODE), message: error.message.slice(0, MAX_MESSAGE) }
  // The one place a step error takes its shape: no `reason` key at all when there is none.
  return error.reason ? { ...clamped, reason: error.reason } : clamped
}

/**
 * The step state machine, pure. Only a pending step may start and only a running step may end,
 * so a late report from an attempt that was reset meanwhile (an edit, crash recovery) is refused
 * instead of overwriting the newer state.
 */
export function applyTransition(current: StepSnapshot, transition: StepTransition, at: number): AppliedTransition {
  const refuse = { ok: false, from: current.state } as const
  switch (transition.kind) {
    case 'started':
      if (current.state !== 'pending') return refuse
      return { ok: true, step: { ...current, state: 'running', attempts: current.attempts + 1, nextAttemptAt: null, updatedAt: at } }
    case 'done':
      if (current.state !== 'running') return refuse
      return { ok: true, step: { ...current, state: 'done', nextAttemptAt: null, lastError: null, updatedAt: at } }
    case 'failed-transient':
      if (current.state !== 'running') return refuse
      return {
        ok: true,
        step: {
          ...current,
          state: 'pending',
          nextAttemptAt: Math.trunc(transition.nextAttemptAt),
          lastError: clampError({ kind: 'transient', ...transition.error }),
          updatedAt: at,
        },
      }
    case 'failed-needs-attention':
      if (current.state !== 'running') return refuse
      return {
        ok: true,
        step: { ...current, state: 'failed', nextAttemptAt: null, lastError: clampError(transition.error), updatedAt: at },
      }
  }
}

/** A step as it is before its first attempt (queueing, edits, liveness expiry). */
export function freshStep(step: StepSnapshot, at: number): StepSnapshot {
  return { ...step, state: 'pending', attempts: 0, nextAttemptAt: null, lastError: null, updatedAt: at }
}
