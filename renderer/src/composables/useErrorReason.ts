import { useI18n } from 'vue-i18n'
import type { IpcError } from '../../../shared/contract'

/** The core's reason for a failure in the operator's language, or null when it gave none this screen knows. */
export function useErrorReason() {
  const { t, te } = useI18n()
  return (error: IpcError | null): string | null => {
    const reason = error?.reason
    if (!reason || !te(`reasons.${reason.key}`)) return null
    return t(`reasons.${reason.key}`, reason.params ?? {})
  }
}
