/**
 * Times as the branch reads them: every screen, export and the command line format through here,
 * in the branch's IANA time zone (settings), never in UTC by accident.
 */

/** A name Intl accepts as a time zone (`Asia/Shanghai`, `UTC`); anything else would throw later. */
export function isTimeZone(name: string): boolean {
  if (name.trim() === '') return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** The zone this computer is set to: the default when the branch sets none. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

/** The branch's zone: the setting when it names a zone, otherwise the system's. */
export function resolveTimeZone(setting: string): string {
  return isTimeZone(setting) ? setting : systemTimeZone()
}

export type TimeStyle = 'short' | 'full'

const cache = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string, timeZone: string, style: TimeStyle): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`
  let found = cache.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(locale, {
      timeZone,
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

/** For people: short for table cells, full (with the year and seconds) for tooltips and timelines. */
export function formatTime(ms: number, options: { locale: string; timeZone: string; style: TimeStyle }): string {
  return formatter(options.locale, options.timeZone, options.style).format(ms)
}

const partsCache = new Map<string, Intl.DateTimeFormat>()

function zoneParts(ms: number, timeZone: string): Record<string, string> {
  let found = partsCache.get(timeZone)
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
    partsCache.set(timeZone, found)
  }
  return Object.fromEntries(found.formatToParts(ms).map((p) => [p.type, p.value]))
}

/**
 * For files (CSV, log exports, the command line): ISO 8601 in the branch's zone with its offset,
 * e.g. `2026-11-29T09:31:11+08:00`, so a spreadsheet sorts it and nobody adds eight hours in their head.
 */
export function isoInZone(ms: number, timeZone: string): string {
  const p = zoneParts(ms, timeZone)
  // `longOffset` gives `GMT+08:00`, or a bare `GMT` at UTC.
  const offset = (p.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00'
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`
}

/** A compact local stamp for file names: `20261129-093111`. */
export function fileStampInZone(ms: number, timeZone: string): string {
  const p = zoneParts(ms, timeZone)
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`
}

/** The branch's last midnight before `ms` (a day that starts at a DST change may be an hour off, harmlessly). */
export function startOfDayInZone(ms: number, timeZone: string): number {
  const p = zoneParts(ms, timeZone)
  const intoDay = ((Number(p.hour) * 60 + Number(p.minute)) * 60 + Number(p.second)) * 1000 + (ms % 1000)
  return ms - intoDay
}
