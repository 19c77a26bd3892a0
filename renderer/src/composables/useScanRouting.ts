import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useRoute, useRouter } from 'vue-router'
import { useCaptureStore } from '../stores/capture'
import { useScannerInput } from './useScannerInput'

/**
 * Scanner input anywhere in the app: a binding QR code or an MRZ swipe goes to the capture screen
 * (opening it if another screen is shown), whatever field had the focus. `enabled` is false while
 * nobody is signed in, so nothing is captured on the sign-in screen.
 */
export function useScanRouting(enabled: () => boolean): void {
  const store = useCaptureStore()
  const router = useRouter()
  const route = useRoute()
  const { t } = useI18n()

  useScannerInput((text) => {
    if (!enabled()) return
    void (async () => {
      if (!route.path.startsWith('/capture')) await router.push('/capture')
      const kind = await store.handleScan(text)
      const ok = store.lastScan?.ok === true
      const key = kind === 'binding' ? (ok ? 'binding' : 'bindingFailed') : ok ? 'mrz' : 'mrzFailed'
      ElMessage({ type: ok ? 'success' : 'error', message: t(`capture.scan.${key}`), grouping: true })
    })()
  })
}
