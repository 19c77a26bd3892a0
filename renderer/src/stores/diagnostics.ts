import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { Diagnostics, IpcError } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'

export type ExportFormat = 'jsonl' | 'csv'
export type ExportOutcome = { saved: true; path: string; records: number } | { saved: false }

/** Recent warnings, errors and platform calls from main (already redacted there), and the log export. */
export const useDiagnosticsStore = defineStore('diagnostics', () => {
  const data = ref<Diagnostics | null>(null)
  const error = ref<IpcError | null>(null)
  const exporting = ref(false)

  async function load(): Promise<void> {
    try {
      data.value = await call('diagnostics:recent', {})
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  async function exportLog(format: ExportFormat): Promise<ExportOutcome | null> {
    exporting.value = true
    try {
      const result = await call('diagnostics:export', { format })
      error.value = null
      return result.saved && result.path !== null ? { saved: true, path: result.path, records: result.records } : { saved: false }
    } catch (thrown) {
      error.value = errorOf(thrown)
      return null
    } finally {
      exporting.value = false
    }
  }

  return { data, error, exporting, load, exportLog }
})
