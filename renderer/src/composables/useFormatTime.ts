import { useI18n } from 'vue-i18n'

const cache = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, style: 'short' | 'full'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`
  let found = cache.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      ...(style === 'full' ? { year: 'numeric' } : {}),
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(style === 'full' ? { second: '2-digit' } : {}),
      hour12: false,
    })
    cache.set(key, found)
  }
  return found
}

/** Times in the operator's language: short for table cells, full for tooltips and the timeline. */
export function useFormatTime(): { short(ms: number | null): string; full(ms: number | null): string } {
  const { locale } = useI18n()
  return {
    short: (ms) => (ms === null ? '—' : formatter(locale.value, 'short').format(ms)),
    full: (ms) => (ms === null ? '—' : formatter(locale.value, 'full').format(ms)),
  }
}
