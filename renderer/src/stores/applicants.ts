import { defineStore } from 'pinia'
import { reactive, ref, shallowRef, triggerRef } from 'vue'
import type { ApplicantSummary, IpcError, StepChange } from '../../../shared/contract'
import type { ApplicantStatus } from '../../../shared/domain/status'
import { call, errorOf } from '../api/kyc'
import { useKycEvent } from '../composables/useKycEvent'
import { applyStepChange } from './step-rows'

/** Rows are fetched a page at a time, as the virtual list scrolls to them. */
export const PAGE_SIZE = 200

export interface QueueFilter {
  status: ApplicantStatus | null
  search: string
  /** Only applicants captured in training mode. */
  trainingOnly: boolean
}

export type ActionOutcome =
  | { kind: 'synced'; count: number }
  | { kind: 'retried'; count: number }
  | { kind: 'removed'; removed: number; refused: number }

/**
 * The queue dashboard's rows. The list is a shallow ref of row objects, each reactive on its own:
 * a batch of step events mutates only the rows it names (found through `byId`), so a thousand
 * applicants syncing re-render only the few visible rows that changed, never the whole list.
 */
export const useApplicantsStore = defineStore('applicants', () => {
  const rows = shallowRef<(ApplicantSummary | undefined)[]>([])
  const total = ref(0)
  const filter = reactive<QueueFilter>({ status: null, search: '', trainingOnly: false })
  const selected = ref(new Set<string>())
  const error = ref<IpcError | null>(null)
  const loading = ref(false)
  const byId = new Map<string, ApplicantSummary>()
  const pages = new Map<number, Promise<void>>()
  const unknownIds = new Set<string>()
  let generation = 0
  let unknownTimer: ReturnType<typeof setTimeout> | null = null

  function request(offset: number, limit: number) {
    return {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
      ...(filter.trainingOnly ? { trainingOnly: true } : {}),
      offset,
      limit,
    }
  }

  function place(index: number, summary: ApplicantSummary): void {
    const row = reactive(summary) as ApplicantSummary
    byId.set(row.id, row)
    rows.value[index] = row
  }

  /** Loads the page holding `index` unless it is loaded or on its way. */
  function loadPage(page: number): Promise<void> {
    const existing = pages.get(page)
    if (existing) return existing
    const mine = generation
    const promise = call('applicants:list', request(page * PAGE_SIZE, PAGE_SIZE))
      .then((result) => {
        if (mine !== generation) return
        if (result.total !== total.value) {
          total.value = result.total
          rows.value.length = result.total
        }
        result.items.forEach((item, i) => place(page * PAGE_SIZE + i, item))
        triggerRef(rows)
        error.value = null
      })
      .catch((thrown: unknown) => {
        pages.delete(page)
        if (mine === generation) error.value = errorOf(thrown)
      })
    pages.set(page, promise)
    return promise
  }

  /** Called by the virtual list with the rows it is about to show. */
  function ensureRange(start: number, end: number): Promise<void[]> {
    const first = Math.floor(Math.max(0, start) / PAGE_SIZE)
    const last = Math.floor(Math.max(0, Math.min(end, total.value - 1)) / PAGE_SIZE)
    const wanted: Promise<void>[] = []
    for (let page = first; page <= last; page += 1) wanted.push(loadPage(page))
    return Promise.all(wanted)
  }

  /** Starts again from the first page (filter or search changed, or the operator asked). */
  async function reload(): Promise<void> {
    generation += 1
    pages.clear()
    byId.clear()
    rows.value = []
    total.value = 0
    loading.value = true
    try {
      await loadPage(0)
    } finally {
      loading.value = false
    }
  }

  function setFilter(next: Partial<QueueFilter>): Promise<void> {
    Object.assign(filter, next)
    selected.value = new Set()
    return reload()
  }

  function matchesFilter(row: ApplicantSummary): boolean {
    if (filter.status && row.status !== filter.status) return false
    if (filter.trainingOnly && !row.training) return false
    const search = filter.search.trim().toLowerCase()
    return !search || row.reference.toLowerCase().includes(search) || (row.label ?? '').toLowerCase().includes(search)
  }

  /** Applicants the dashboard has not loaded yet (queued by capture or import): fetched together, shown on top. */
  async function fetchUnknown(): Promise<void> {
    unknownTimer = null
    const ids = [...unknownIds].slice(0, 500)
    unknownIds.clear()
    if (ids.length === 0 || pages.size === 0) return
    const mine = generation
    try {
      const { items } = await call('applicants:summaries', { ids })
      if (mine !== generation) return
      // Only applicants newer than every loaded row go on top: an older one (a backlog being
      // synced) has its place further down and appears there when its page loads, not twice.
      let newestLoaded = Number.NEGATIVE_INFINITY
      for (const row of byId.values()) newestLoaded = Math.max(newestLoaded, row.createdAt)
      const fresh = items
        .filter((item) => !byId.has(item.id) && matchesFilter(item) && item.createdAt >= newestLoaded)
        .sort((a, b) => b.createdAt - a.createdAt)
      if (fresh.length === 0) return
      const placed = fresh.map((item) => {
        const row = reactive(item) as ApplicantSummary
        byId.set(row.id, row)
        return row
      })
      rows.value = [...placed, ...rows.value]
      total.value += placed.length
      // Offsets of unloaded pages moved by the rows added on top: load them again when needed.
      for (const page of [...pages.keys()]) if (page > 0) pages.delete(page)
    } catch {
      // The next event or a reload brings them.
    }
  }

  /** Applies one batched `steps:changed` message, row by row. */
  function applyChanges(changes: readonly StepChange[]): void {
    for (const change of changes) {
      const row = byId.get(change.applicantId)
      if (row) applyStepChange(row, change)
      else unknownIds.add(change.applicantId)
    }
    if (unknownIds.size > 0 && unknownTimer === null) unknownTimer = setTimeout(() => void fetchUnknown(), 250)
  }

  /** Reads these rows again from the core (after an action that changed more than steps). */
  async function refreshRows(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const { items } = await call('applicants:summaries', { ids: ids.slice(0, 500) })
    for (const item of items) {
      const row = byId.get(item.id)
      if (row) Object.assign(row, item)
    }
  }

  function toggle(id: string, on: boolean): void {
    const next = new Set(selected.value)
    if (on) next.add(id)
    else next.delete(id)
    selected.value = next
  }

  /** Selects every loaded row matching the filter (or clears the selection). */
  function selectAllLoaded(on: boolean): void {
    selected.value = on ? new Set(byId.keys()) : new Set()
  }

  async function act(action: (ids: string[]) => Promise<ActionOutcome>): Promise<ActionOutcome | null> {
    const ids = [...selected.value]
    if (ids.length === 0) return null
    try {
      const outcome = await action(ids)
      error.value = null
      return outcome
    } catch (thrown) {
      error.value = errorOf(thrown)
      return null
    }
  }

  const syncSelected = () =>
    act(async (ids) => ({ kind: 'synced', count: (await call('applicants:sync', { ids })).accepted }))

  const retrySelected = () =>
    act(async (ids) => ({ kind: 'retried', count: (await call('applicants:retry', { ids })).retried }))

  const removeSelected = () =>
    act(async (ids) => {
      const { removed, refused } = await call('applicants:remove', { ids })
      const gone = new Set(removed)
      rows.value = rows.value.filter((row) => row === undefined || !gone.has(row.id))
      for (const id of removed) byId.delete(id)
      total.value -= removed.length
      selected.value = new Set(refused.map((r) => r.id))
      return { kind: 'removed', removed: removed.length, refused: refused.length }
    })

  async function retryAllNeedingAttention(): Promise<number> {
    try {
      return (await call('applicants:retry', { target: 'all-needs-attention' })).retried
    } catch (thrown) {
      error.value = errorOf(thrown)
      return 0
    }
  }

  /** Subscribes for the life of the store's scope; the dashboard view calls it once. */
  function listen(): void {
    useKycEvent('steps:changed', ({ changes }) => applyChanges(changes))
  }

  return {
    rows,
    total,
    filter,
    selected,
    error,
    loading,
    ensureRange,
    reload,
    setFilter,
    applyChanges,
    refreshRows,
    toggle,
    selectAllLoaded,
    syncSelected,
    retrySelected,
    removeSelected,
    retryAllNeedingAttention,
    listen,
  }
})
