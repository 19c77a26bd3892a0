import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo, IpcError } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'

/** What the app is and how it runs: version, training mode, key protection. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const error = ref<IpcError | null>(null)

  async function load(): Promise<void> {
    try {
      info.value = await call('app:info', {})
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  return { info, error, load }
})
