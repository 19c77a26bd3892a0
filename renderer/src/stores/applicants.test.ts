import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, watch, watchEffect } from 'vue'
import type { StepChange } from '../../../shared/contract'
import { fakeKyc, summary } from '../test-support/fake-kyc'
import { PAGE_SIZE, useApplicantsStore } from './applicants'

const TOTAL = 1_234

function change(index: number, over: Partial<StepChange> = {}): StepChange {
  return {
    applicantId: summary(index).id,
    step: 'sts',
    state: 'running',
    attempts: 1,
    nextAttemptAt: null,
    updatedAt: 5_000,
    error: null,
    status: 'syncing',
    ...over,
  }
}

let kyc: ReturnType<typeof fakeKyc>

beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
  kyc.answer('applicants:list', ({ offset = 0, limit = 200 }) => ({
    total: TOTAL,
    items: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => summary(offset + i)),
  }))
})

afterEach(() => vi.useRealTimers())

describe('applicants store: loading', () => {
  it('loads the first page, then further pages only when the list scrolls to them', async () => {
    const store = useApplicantsStore()
    await store.reload()
    expect(store.total).toBe(TOTAL)
    expect(store.rows.length).toBe(TOTAL)
    expect(store.rows[0]?.id).toBe(summary(0).id)
    expect(store.rows[PAGE_SIZE]).toBeUndefined()
    await store.ensureRange(1_200, 1_240)
    expect(store.rows[TOTAL - 1]?.id).toBe(summary(TOTAL - 1).id)
    expect(kyc.callsTo('applicants:list').map((r) => (r as { offset: number }).offset)).toEqual([0, Math.floor(1_200 / PAGE_SIZE) * PAGE_SIZE])
    await store.ensureRange(0, 40)
    expect(kyc.callsTo('applicants:list')).toHaveLength(2)
  })

  it('sends the status filter and search, and starts again from the top', async () => {
    const store = useApplicantsStore()
    await store.setFilter({ status: 'needs-attention', search: ' 0042 ' })
    expect(kyc.callsTo('applicants:list').at(-1)).toEqual({ status: 'needs-attention', search: '0042', offset: 0, limit: PAGE_SIZE })
  })
})

describe('applicants store: step events', () => {
  it('updates only the affected row object, not the list', async () => {
    const store = useApplicantsStore()
    await store.reload()
    let listChanges = 0
    let row5 = 0
    let row6 = 0
    const scope = effectScope()
    scope.run(() => {
      watch(() => store.rows, () => listChanges++, { flush: 'sync' })
      watchEffect(() => void (store.rows[5]?.status, row5++), { flush: 'sync' })
      watchEffect(() => void (store.rows[6]?.status, row6++), { flush: 'sync' })
    })
    const before = store.rows
    store.applyChanges([change(5)])
    expect(store.rows).toBe(before)
    expect(listChanges).toBe(0)
    expect(row5).toBe(2)
    expect(row6).toBe(1)
    expect(store.rows[5]?.status).toBe('syncing')
    expect(store.rows[5]?.steps.find((s) => s.name === 'sts')).toMatchObject({ state: 'running', attempts: 1, updatedAt: 5_000 })
    scope.stop()
  })

  it('keeps the row’s last error in words and ignores a change older than what it shows', async () => {
    const store = useApplicantsStore()
    await store.reload()
    const refused = { kind: 'refused', code: '-1001', message: '用户未登录或登录已失效' } as const
    store.applyChanges([change(3, { state: 'failed', error: refused, status: 'needs-attention', updatedAt: 6_000 })])
    expect(store.rows[3]?.lastError).toEqual(refused)
    store.applyChanges([change(3, { state: 'running', updatedAt: 5_500 })])
    expect(store.rows[3]?.steps[0]?.state).toBe('failed')
    store.applyChanges([change(3, { state: 'pending', error: null, status: 'queued', updatedAt: 7_000 })])
    expect(store.rows[3]?.lastError).toBeNull()
  })

  it('adds the liveness steps in their place when they first appear', async () => {
    const store = useApplicantsStore()
    await store.reload()
    store.applyChanges([change(1, { step: 'liveness:result', state: 'pending' }), change(1, { step: 'liveness:token', state: 'pending' })])
    expect(store.rows[1]?.steps.map((s) => s.name).slice(-3)).toEqual(['reconcile', 'liveness:token', 'liveness:result'])
  })

  it('fetches applicants it has not loaded (queued elsewhere) and shows them on top', async () => {
    vi.useFakeTimers()
    kyc.answer('applicants:summaries', ({ ids }) => ({ items: ids.map((id) => summary(9_000, { id, createdAt: 99_999 })) }))
    const store = useApplicantsStore()
    await store.reload()
    store.applyChanges([{ ...change(0), applicantId: 'a-new-000001', status: 'queued', state: 'pending' }])
    await vi.advanceTimersByTimeAsync(300)
    expect(store.rows[0]?.id).toBe('a-new-000001')
    expect(store.total).toBe(TOTAL + 1)
  })

  it('leaves an older applicant from a page not loaded yet where it belongs, instead of on top', async () => {
    vi.useFakeTimers()
    const old = summary(TOTAL - 1, { createdAt: 500 })
    kyc.answer('applicants:summaries', ({ ids }) => ({ items: ids.map(() => old) }))
    const store = useApplicantsStore()
    await store.reload()
    store.applyChanges([change(TOTAL - 1)])
    await vi.advanceTimersByTimeAsync(300)
    expect(store.rows[0]?.id).toBe(summary(0).id)
    expect(store.total).toBe(TOTAL)
    await store.ensureRange(1_200, 1_240)
    expect(store.rows.filter((r) => r?.id === old.id)).toHaveLength(1)
  })

  it('listens while its scope lives and removes only its own listener', async () => {
    const store = useApplicantsStore()
    await store.reload()
    const other = window.kyc.on('steps:changed', () => undefined)
    const scope = effectScope()
    scope.run(() => store.listen())
    expect(kyc.listenerCount('steps:changed')).toBe(2)
    kyc.emit('steps:changed', { changes: [change(2, { state: 'done', status: 'syncing' })] })
    expect(store.rows[2]?.steps[0]?.state).toBe('done')
    scope.stop()
    expect(kyc.listenerCount('steps:changed')).toBe(1)
    other()
  })
})

describe('applicants store: actions', () => {
  it('removes what main removed and keeps the refused ones selected', async () => {
    const ids = [summary(0).id, summary(1).id]
    kyc.answer('applicants:remove', () => ({ removed: [ids[0] ?? ''], refused: [{ id: ids[1] ?? '', reason: 'reached-platform' }] }))
    const store = useApplicantsStore()
    await store.reload()
    for (const id of ids) store.toggle(id, true)
    expect(await store.removeSelected()).toEqual({ kind: 'removed', removed: 1, refused: 1 })
    expect(store.total).toBe(TOTAL - 1)
    expect(store.rows[0]?.id).toBe(ids[1])
    expect([...store.selected]).toEqual([ids[1]])
  })

  it('syncs and retries the selection through the contract', async () => {
    kyc.answer('applicants:sync', ({ ids }) => ({ accepted: ids.length }))
    kyc.answer('applicants:retry', (request) => ({ retried: 'ids' in request ? request.ids.length : 7 }))
    const store = useApplicantsStore()
    await store.reload()
    store.toggle(summary(4).id, true)
    expect(await store.syncSelected()).toEqual({ kind: 'synced', count: 1 })
    expect(await store.retrySelected()).toEqual({ kind: 'retried', count: 1 })
    expect(await store.retryAllNeedingAttention()).toBe(7)
    expect(kyc.callsTo('applicants:retry').at(-1)).toEqual({ target: 'all-needs-attention' })
  })

  it('keeps a refusal as the store’s error', async () => {
    kyc.answer('applicants:sync', () => {
      throw { code: 'LOCKED', message: 'Sign in to continue' }
    })
    const store = useApplicantsStore()
    await store.reload()
    store.toggle(summary(4).id, true)
    expect(await store.syncSelected()).toBeNull()
    expect(store.error).toMatchObject({ code: 'LOCKED' })
  })
})
