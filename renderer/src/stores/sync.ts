import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { IpcError, SyncState } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'
import { useKycEvent } from '../composables/useKycEvent'

export type SyncProgress =
  /** Nothing queued today and nothing left: the bar says so instead of drawing a full bar for 0 of 0. */
  | { kind: 'idle' }
  | { kind: 'batch'; done: number; left: number; total: number; percent: number }

/**
 * This batch: what was queued today and the platform holds now, against what is still to send
 * (from any day). Not every applicant ever, which would sit near 99 % for good.
 */
export function progressOf(state: SyncState): SyncProgress {
  const { done, left } = state.today
  const total = done + left
  if (total === 0) return { kind: 'idle' }
  return { kind: 'batch', done, left, total, percent: Math.floor((done / total) * 100) }
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
