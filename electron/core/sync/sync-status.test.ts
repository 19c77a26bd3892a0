import { describe, expect, it } from 'vitest'
import type { SyncState } from '../../../shared/contract'
import { applicantStatuses, type ApplicantStatus } from '../../../shared/domain/status'
import type { SyncEngineState } from './index'
import { SyncStatus } from './sync-status'

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
