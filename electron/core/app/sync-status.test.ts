import { describe, expect, it } from 'vitest'
import type { SyncState } from '../../../shared/contract'
import { applicantStatuses, type ApplicantStatus } from '../../../shared/domain/status'
import type { SyncEngineState } from '../sync'
import { SyncStatus } from './sync-status'

const zero = Object.fromEntries(applicantStatuses.map((s) => [s, 0])) as Record<ApplicantStatus, number>
const engineState: SyncEngineState = { running: true, paused: false, diskFull: false, online: true, inFlight: 0, queued: 0 }

describe('SyncStatus', () => {
  it('publishes the engine state with counts, only when something shown changed', () => {
    let state = engineState
    let counts = zero
    const sent: SyncState[] = []
    const status = new SyncStatus({ engineState: () => state, counts: () => counts, publish: (s) => sent.push(s) })
    status.refresh()
    status.refresh()
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ running: true, lastError: null, counts: zero })
    counts = { ...zero, queued: 2 }
    status.refresh()
    state = { ...engineState, online: false }
    status.refresh()
    expect(sent.map((s) => [s.counts.queued, s.online])).toEqual([
      [0, true],
      [2, true],
      [2, false],
    ])
  })
})
