import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ErrorReason, InboxState, IpcError } from '../../../shared/contract'
import type { ImageSlot } from '../../../shared/domain/images'
import { call, errorOf } from '../api/kyc'
import { useKycEvent } from '../composables/useKycEvent'
import { useCaptureStore } from './capture'

/** The scanner folder's inbox: files waiting to be put into a slot of the applicant being captured. */
export const useInboxStore = defineStore('inbox', () => {
  const state = ref<InboxState>({ configured: false, problem: null, items: [] })
  const error = ref<IpcError | null>(null)
  /** Why the last assignment of an item was refused, by item. */
  const refusals = ref<Record<string, ErrorReason>>({})
  const busy = ref<string | null>(null)
  const capture = useCaptureStore()
  let loading: Promise<void> | null = null
  /** A change arrived while a list call was on its way: that answer may predate it. */
  let stale = false

  async function load(): Promise<void> {
    try {
      const before = new Set(state.value.items.map((item) => item.id))
      state.value = await call('inbox:list', {})
      error.value = null
      // A file may have gone into the open draft by its name ({ref}_{slot}): show it there.
      const now = new Set(state.value.items.map((item) => item.id))
      if ([...before].some((id) => !now.has(id))) await capture.refreshSlots()
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  /**
   * Events come in bursts (a file is seen, checked, assigned): one list call at a time, and one
   * more after it when anything changed meanwhile. Joining the call in flight alone lost the last
   * change of a burst, and its file showed "checking" until the next one (issue 17, finding 13).
   */
  function reload(): Promise<void> {
    stale = true
    loading ??= (async () => {
      while (stale) {
        stale = false
        await load()
      }
    })().finally(() => (loading = null))
    return loading
  }

  useKycEvent('inbox:changed', () => void reload())

  async function assign(itemId: string, slot: ImageSlot, overrideReason: string | null): Promise<boolean> {
    busy.value = itemId
    try {
      const applicantId = await capture.ensureDraft()
      const result = await call('inbox:assign', { itemId, applicantId, slot, overrideReason })
      if (!result.ok) {
        refusals.value = { ...refusals.value, [itemId]: result.reason }
        return false
      }
      capture.receiveSlots(result.slots)
      return true
    } catch (thrown) {
      error.value = errorOf(thrown)
      return false
    } finally {
      busy.value = null
      await reload()
    }
  }

  async function discard(itemId: string): Promise<void> {
    try {
      await call('inbox:discard', { itemId })
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
    await reload()
  }

  return { state, error, refusals, busy, load: reload, assign, discard }
})
