import type { TimelineEvent } from '../../../../shared/contract'
import { livenessNotVerifiedCode } from '../../../../shared/domain/steps'

export interface TimelineEntry {
  readonly id: number
  readonly at: number
  /** The first of a run of identical events (the liveness poll repeats every few seconds). */
  readonly firstAt: number
  readonly type: string
  readonly operatorName: string | null
  readonly details: TimelineEvent['details']
  readonly count: number
}

/** The liveness poll's "not verified yet" is the customer still at the face check: logged as a wait, not a failure. */
function typeOf(e: TimelineEvent): string {
  const waiting = e.type === 'step-failed' && e.details['step'] === 'liveness:result' && e.details['code'] === livenessNotVerifiedCode
  return waiting ? 'liveness-waiting' : e.type
}

const runKey = (e: TimelineEvent) => JSON.stringify([e.type, e.operatorName, e.details['step'] ?? null, e.details['code'] ?? null, e.details['kind'] ?? null])

/**
 * The event log as the operator reads it, newest first: a step's "started" is folded into its
 * outcome (kept only while the step is still running), and a run of the same outcome (a poll
 * answered "not yet" twenty times) is one line with a count.
 */
export function timelineEntries(events: readonly TimelineEvent[]): TimelineEntry[] {
  const lastOfStep = new Map<string, number>()
  for (const e of events) {
    const step = e.details['step']
    if (typeof step === 'string' && e.type.startsWith('step-')) lastOfStep.set(step, e.id)
  }
  const kept = events.filter((e) => e.type !== 'step-started' || lastOfStep.get(String(e.details['step'])) === e.id)
  const entries: TimelineEntry[] = []
  let lastKey = ''
  for (const e of kept) {
    const key = runKey(e)
    const previous = entries.at(-1)
    if (previous && key === lastKey && e.type.startsWith('step-')) {
      entries[entries.length - 1] = { ...previous, id: e.id, at: e.at, details: e.details, count: previous.count + 1 }
    } else {
      entries.push({ id: e.id, at: e.at, firstAt: e.at, type: typeOf(e), operatorName: e.operatorName, details: e.details, count: 1 })
    }
    lastKey = key
  }
  return entries.reverse()
}
