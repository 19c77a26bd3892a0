import { useI18n } from 'vue-i18n'
import type { ProbeResult } from '../../../shared/contract'
import { useFormatTime } from './useFormatTime'

/**
 * A connection test finding in the operator's words (shared/i18n `connectionTest`, and
 * `networkFailure` for the way there), with the credentials' expiry in the branch's time zone.
 */
export function useProbeWords() {
  const { t } = useI18n()
  const time = useFormatTime()
  return (result: ProbeResult): string => {
    switch (result.finding) {
      case 'network':
        return t(`networkFailure.${result.failure.code}`, { ...result.failure })
      case 'sts-received':
        return t('connectionTest.sts-received', { bucket: result.bucket, until: time.full(result.expiresAt) })
      default: {
        const { finding, ok: _ok, stage: _stage, code: _code, ms: _ms, ...values } = result
        return t(`connectionTest.${finding}`, values)
      }
    }
  }
}
