import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ConnectionTestResult, IpcError, LeaveTrainingChecklist, SettingsPatchRequest, SettingsUpdateRequest, SettingsView } from '../../../shared/contract'
import type { AccountBinding } from '../../../shared/domain/identity'
import { call, errorOf } from '../api/kyc'

export type { UiLanguage } from '../../../shared/domain/operators'

/** The app's settings as main holds them, the connection test, and training mode's demo customers. */
export const useSettingsStore = defineStore('settings', () => {
  const view = ref<SettingsView | null>(null)
  const error = ref<IpcError | null>(null)
  const saving = ref(false)
  const testing = ref(false)
  const lastTest = ref<ConnectionTestResult | null>(null)

  async function load(): Promise<void> {
    try {
      view.value = await call('settings:get', {})
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  /** Saves a change; a refusal comes back as the error (with one issue per field) and is also kept. */
  async function save(patch: SettingsUpdateRequest): Promise<IpcError | null> {
    saving.value = true
    try {
      view.value = await call('settings:update', patch)
      error.value = null
      return null
    } catch (thrown) {
      error.value = errorOf(thrown)
      return error.value
    } finally {
      saving.value = false
    }
  }

  /** Tests the given (unsaved) settings, with a typed account when the operator gave one (not kept). */
  async function testConnection(patch: SettingsPatchRequest | undefined, account: AccountBinding | undefined): Promise<void> {
    testing.value = true
    lastTest.value = null
    try {
      lastTest.value = await call('settings:test-connection', { ...(patch ? { patch } : {}), ...(account ? { account } : {}) })
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    } finally {
      testing.value = false
    }
  }

  async function addDemoApplicants(count: number): Promise<number> {
    try {
      const { created } = await call('training:add-demo-applicants', { count })
      error.value = null
      return created
    } catch (thrown) {
      error.value = errorOf(thrown)
      return 0
    }
  }

  /** What leaving training mode with these (unsaved) settings still needs; null when it cannot be asked (not an admin). */
  async function leaveTrainingChecklist(patch: SettingsPatchRequest): Promise<LeaveTrainingChecklist | null> {
    try {
      return await call('training:leave-checklist', { patch })
    } catch {
      return null
    }
  }

  /** Removes every training applicant; the count removed, or null with the refusal kept in `error`. */
  async function removeTrainingApplicants(): Promise<number | null> {
    try {
      const { removed } = await call('training:remove-applicants', {})
      error.value = null
      return removed
    } catch (thrown) {
      error.value = errorOf(thrown)
      return null
    }
  }

  return { view, error, saving, testing, lastTest, load, save, testConnection, addDemoApplicants, leaveTrainingChecklist, removeTrainingApplicants }
})
