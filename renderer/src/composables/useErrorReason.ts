import { useI18n } from 'vue-i18n'
import type { ErrorReason, IpcError } from '../../../shared/contract'

/**
 * Words a code the core sent (shared/i18n) in the operator's language; `n` among the values picks
 * the plural form. A key no table knows yields null, never the key itself.
 */
export function useReasonWords() {
  const { t, te } = useI18n()
  return (reason: ErrorReason | null | undefined): string | null => {
    if (!reason) return null
    // Refusals live under `reasons.`; other codes (image checks) name their own table.
    const key = te(`reasons.${reason.key}`) ? `reasons.${reason.key}` : te(reason.key) ? reason.key : null
    if (key === null) return null
    const params = reason.params ?? {}
    return typeof params['n'] === 'number' ? t(key, params, params['n']) : t(key, params)
  }
}

/** A failure always in words: its reason, else its code's general sentence (`errors.*`); its English message is for the log only. */
export function useErrorWords() {
  const { t } = useI18n()
  const words = useReasonWords()
  return (error: IpcError): string => words(error.reason) ?? t(`errors.${error.code}`)
}
