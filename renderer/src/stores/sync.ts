import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError, SyncState } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'
import { useKycEvent } from '../composables/useKycEvent'

/** Submitted (with or without the face check under way) or verified: the platform holds the data. */
export function progressOf(state: SyncState): { done: number; total: number; percent: number } {
  const c = state.counts
  const done = c.submitted + c['liveness-pending'] + c.verified
  // Drafts are not queued for sync yet, so they are not part of the progress.
  const total = done + c.queued + c.syncing + c['waiting-retry'] + c['needs-attention'] + c['needs-new-qr']
  return { done, total, percent: total === 0 ? 100 : Math.floor((done / total) * 100) }
}

/** The sync bar: the engine's state and counts, kept current by the core's `sync:state` event. */
export const useSyncStore = defineStore('sync', () => {
  const state = ref<SyncState | null>(null)
  const error = ref<IpcError | null>(null)
  const busy = ref(false)

  const progress = computed(() => (state.value ? progressOf(state.value) : null))

  async function run(action: () => Promise<SyncState>): Promise<void> {
    busy.value = true
    try {
      state.value = await action()
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    } finally {
      busy.value = false
    }
  }

  const load = () => run(() => call('sync:state', {}))
  const syncAll = () => run(() => call('sync:all', {}))
  const pause = () => run(() => call('sync:pause', {}))
  const resume = () => run(() => call('sync:resume', {}))

  /** Subscribes for the life of the calling scope (the sync bar, always mounted). */
  function listen(): void {
    useKycEvent('sync:state', (next) => {
      state.value = next
    })
  }

  return { state, error, busy, progress, load, syncAll, pause, resume, listen }
})
