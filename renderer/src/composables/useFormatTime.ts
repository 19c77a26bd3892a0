import { useI18n } from 'vue-i18n'
import { formatTime, systemTimeZone } from '../../../shared/format/time'
import { useAppStore } from '../stores/app'

export interface TimeFormat {
  short(ms: number | null): string
  full(ms: number | null): string
  /** A time the core sent as ISO text (log records), in the branch's zone. */
  fullIso(text: string): string
}

/**
 * Times in the operator's language and the branch's time zone (settings, via app:info): the one
 * way the screens show a time. Short for table cells, full for tooltips and the timeline.
 */
export function useFormatTime(): TimeFormat {
  const { locale } = useI18n()
  const app = useAppStore()
  const zone = () => app.info?.timeZone ?? systemTimeZone()
  const full = (ms: number | null) => (ms === null ? '—' : formatTime(ms, { locale: locale.value, timeZone: zone(), style: 'full' }))
  return {
    short: (ms) => (ms === null ? '—' : formatTime(ms, { locale: locale.value, timeZone: zone(), style: 'short' })),
    full,
    fullIso: (text) => {
      const ms = Date.parse(text)
      return Number.isNaN(ms) ? text : full(ms)
    },
  }
}
