import { describe, expect, it } from 'vitest'
import type { StepChange, SyncState } from '../../../shared/contract'
import { applicantStatuses, type ApplicantStatus } from '../../../shared/domain/status'
import type { SyncEngine, SyncEngineState } from '../sync'
import { SyncStatus } from './sync-status'
import { wakeOnNewWork } from './wake-on-work'

const zero = Object.fromEntries(applicantStatuses.map((s) => [s, 0])) as Record<ApplicantStatus, number>
const engineState: SyncEngineState = { running: true, paused: false, diskFull: false, online: true, inFlight: 0, queued: 0 }

describe('SyncStatus', () => {
  it('publishes the engine state with counts, only when something shown changed', () => {
    let state = engineState
    let counts = zero
    const sent: SyncState[] = []
    let doneToday = 0
    const status = new SyncStatus({ engineState: () => state, counts: () => counts, doneToday: () => doneToday, publish: (s) => sent.push(s) })
    status.refresh()
    status.refresh()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ running: true, lastError: null, counts: zero, today: { done: 0, left: 0 } })
    counts = { ...zero, queued: 2, 'waiting-retry': 1, verified: 50 }
    doneToday = 3
    status.refresh()
    state = { ...engineState, online: false }
    status.refresh()
    expect(sent.map((s) => [s.counts.queued, s.online])).toEqual([
      [0, true],
      [2, true],
      [2, false],
    ])
    // The bar's batch: today's done, and everything still to send, not the 50 verified long ago.
    expect(sent[2]?.today).toEqual({ done: 3, left: 3 })
  })
})

describe('wakeOnNewWork', () => {
  function fakeEngine(state: Partial<SyncEngineState>) {
    let resumed = 0
    const engine = { state: () => ({ ...engineState, ...state }), resume: () => void (resumed += 1) } as unknown as SyncEngine
    return { engine, resumed: () => resumed }
  }
  const change = (over: Partial<StepChange>): StepChange => ({
    applicantId: 'a0000001',
    step: 'sts',
    state: 'pending',
    attempts: 0,
    nextAttemptAt: null,
    updatedAt: 1,
    error: null,
    status: 'queued',
    ...over,
  })

  it('wakes a running engine for steps due now, not for backed-off retries or other states', () => {
    const { engine, resumed } = fakeEngine({})
    const wake = wakeOnNewWork(() => engine)
    wake([change({ state: 'done' }), change({ nextAttemptAt: 5 })])
    expect(resumed()).toBe(0)
    wake([change({})])
    expect(resumed()).toBe(1)
  })

  it('leaves a paused engine paused', () => {
    const { engine, resumed } = fakeEngine({ paused: true })
    wakeOnNewWork(() => engine)([change({})])
    expect(resumed()).toBe(0)
  })
})
