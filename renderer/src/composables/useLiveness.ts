import QRCode from 'qrcode'
import { computed, onScopeDispose, ref, watch, type Ref } from 'vue'
import type { IpcError, LivenessSession } from '../../../shared/contract'
import { call, errorOf } from '../api/kyc'

/**
 * The liveness hand-off for one applicant. The verify link and its QR code live only here, in
 * the detail view's own state (never in a store), and are dropped when the view closes.
 */
export function useLiveness(id: Ref<string>, changes: Ref<string>) {
  const session = ref<LivenessSession | null>(null)
  const qr = ref<string | null>(null)
  const error = ref<IpcError | null>(null)
  const busy = ref(false)
  const now = ref(Date.now())
  const clock = setInterval(() => (now.value = Date.now()), 1_000)
  onScopeDispose(() => clearInterval(clock))

  const expired = computed(() => session.value?.phase === 'waiting' && session.value.expiresAt !== null && session.value.expiresAt <= now.value)

  /** An operator's action shows as busy on its button; a background refresh does not (no flicker per poll). */
  async function run(action: () => Promise<LivenessSession>, quiet = false): Promise<void> {
    if (!quiet) busy.value = true
    try {
      session.value = await action()
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    } finally {
      if (!quiet) busy.value = false
    }
  }

  const refresh = () => run(() => call('liveness:session', { id: id.value }), true)
  const start = () => run(() => call('liveness:start', { id: id.value }))
  const check = () => run(() => call('liveness:check', { id: id.value }))

  async function openWindow(): Promise<void> {
    try {
      await call('liveness:open-window', { id: id.value })
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  watch(
    () => session.value?.verifyUrl ?? null,
    async (url) => {
      qr.value = url ? await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 220 }) : null
    },
  )
  // Re-read when the applicant's status or liveness steps change (token issued, result in, link withdrawn).
  watch([id, changes], () => void refresh(), { immediate: true })
  onScopeDispose(() => {
    session.value = null
    qr.value = null
  })

  return { session, qr, error, busy, expired, refresh, start, check, openWindow }
}
