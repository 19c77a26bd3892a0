import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { IpcError, TodayGlance } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'

/** Today at a glance, as the core last computed it, and when it was asked for. */
export const useTodayStore = defineStore('today', () => {
  const glance = ref<TodayGlance | null>(null)
  const loadedAt = ref<number | null>(null)
  const error = ref<IpcError | null>(null)

  async function load(): Promise<void> {
    try {
      glance.value = await call('reports:today', {})
      loadedAt.value = Date.now()
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  return { glance, loadedAt, error, load }
})

/** A day with nothing to show: no capture, no submission, no verification, no refusal, no finding. */
export function isIdleDay(glance: TodayGlance): boolean {
  return glance.captured === 0 && glance.submitted === 0 && glance.verified === 0 && glance.refusals.length === 0 && glance.imageFindings.length === 0
}
