import { ElMessage } from 'element-plus'
import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { IpcError, ReceiptView } from '../../../shared/contract'
import type { PrintDocument, PrintOutput } from '../../../shared/domain/receipt'
import { call, errorOf } from '../api/kyc'

/**
 * One of the customer's papers for one applicant: what it shows (masked by the core), and
 * printing or saving it. Main prints the print view on screen; browser mode opens the browser's
 * own print dialog, which the operator is told.
 */
export function usePrintDocument(id: Ref<string>, document: Ref<PrintDocument>) {
  const { t } = useI18n()
  const receipt = ref<ReceiptView | null>(null)
  const error = ref<IpcError | null>(null)
  const busy = ref<PrintOutput | null>(null)

  async function load(): Promise<void> {
    try {
      receipt.value = await call('applicants:receipt', { id: id.value })
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  async function print(output: PrintOutput): Promise<void> {
    busy.value = output
    try {
      const result = await call('print:document', { id: id.value, document: document.value, output })
      error.value = null
      if (result.outcome === 'saved' && result.location) ElMessage.success(t('print.saved', { location: result.location }))
      if (result.outcome === 'browser' && output === 'pdf') ElMessage.info(t('print.inBrowser'))
    } catch (thrown) {
      error.value = errorOf(thrown)
    } finally {
      busy.value = null
    }
  }

  watch(id, () => void load(), { immediate: true })
  return { receipt, error, busy, load, print }
}
