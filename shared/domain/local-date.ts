import type { IsoDate } from './identity'

/**
 * The operator's calendar date at instant `ms`, in this machine's time zone: the "today" the
 * identity rules and reference numbers use. The one place an instant becomes a calendar date.
 */
export function localIsoDate(ms: number): IsoDate {
  const d = new Date(ms)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
