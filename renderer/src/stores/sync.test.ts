import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { effectScope } from 'vue'
import type { SyncState } from '../../../shared/contract'
import { applicantStatuses } from '../../../shared/domain/status'
import { fakeKyc } from '../test-support/fake-kyc'
import { progressOf, useSyncStore } from './sync'

const zero = Object.fromEntries(applicantStatuses.map((s) => [s, 0])) as SyncState['counts']
const state = (over: Partial<SyncState> = {}): SyncState => ({
  running: true,
  paused: false,
  diskFull: false,
  online: true,
  inFlight: 0,
  queued: 0,
  lastError: null,
  counts: zero,
  today: { done: 0, left: 0 },
  ...over,
})

let kyc: ReturnType<typeof fakeKyc>
beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
})

describe('progressOf', () => {
  it('shows today\'s batch: done today against what is left, not every applicant ever', () => {
    const counts = { ...zero, draft: 5, queued: 1, syncing: 1, 'needs-attention': 1, submitted: 300, 'liveness-pending': 1, verified: 900 }
    expect(progressOf(state({ counts, today: { done: 2, left: 2 } }))).toEqual({ kind: 'batch', done: 2, left: 2, total: 4, percent: 50 })
  })

  it('is idle, not a full bar, for 0 of 0', () => {
    expect(progressOf(state({ counts: { ...zero, verified: 40 } }))).toEqual({ kind: 'idle' })
  })
})

describe('sync store', () => {
  it('loads the state, follows sync:state events while listening, and sends pause and resume', async () => {
    kyc.answer('sync:state', () => state())
    kyc.answer('sync:pause', () => state({ paused: true }))
    kyc.answer('sync:resume', () => state())
    kyc.answer('sync:all', () => state({ inFlight: 3 }))
    const store = useSyncStore()
    await store.load()
    expect(store.state?.running).toBe(true)
    const scope = effectScope()
    scope.run(() => store.listen())
    kyc.emit('sync:state', state({ online: false, counts: { ...zero, queued: 4 }, today: { done: 0, left: 4 } }))
    expect(store.state?.online).toBe(false)
    expect(store.progress).toEqual({ kind: 'batch', done: 0, left: 4, total: 4, percent: 0 })
    await store.pause()
    expect(store.state?.paused).toBe(true)
    await store.resume()
    await store.syncAll()
    expect(store.state?.inFlight).toBe(3)
    expect(kyc.calls.map((c) => c.channel)).toEqual(['sync:state', 'sync:pause', 'sync:resume', 'sync:all'])
    scope.stop()
    expect(kyc.listenerCount('sync:state')).toBe(0)
  })
})
