import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../../../../shared/contract'
import { timelineEntries } from './timeline-entries'

let id = 0
const event = (type: string, details: TimelineEvent['details'] = {}, at = ++id * 1000): TimelineEvent => ({ id: ++id, at, type, operatorName: null, details })

describe('timelineEntries', () => {
  it('folds started into the outcome, keeps a running step, and counts repeated polls', () => {
    const events = [
      event('captured'),
      event('step-started', { step: 'sts' }),
      event('step-done', { step: 'sts' }),
      ...Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? event('step-started', { step: 'liveness:result' }) : event('step-failed', { step: 'liveness:result', kind: 'transient', code: '-1002' }))),
      event('step-started', { step: 'liveness:result' }),
    ]
    const entries = timelineEntries(events)
    expect(entries.map((e) => [e.type, e.details['step'] ?? null, e.count])).toEqual([
      ['step-started', 'liveness:result', 1],
      // The poll's "not verified yet" is the customer still at the face check, logged as a wait.
      ['liveness-waiting', 'liveness:result', 3],
      ['step-done', 'sts', 1],
      ['captured', null, 1],
    ])
    expect(entries[1]?.firstAt).toBeLessThan(entries[1]?.at ?? 0)
  })

  it('keeps a real liveness failure a failure', () => {
    const entries = timelineEntries([event('step-failed', { step: 'liveness:result', kind: 'refused', code: '-1' })])
    expect(entries.map((e) => e.type)).toEqual(['step-failed'])
  })
})
