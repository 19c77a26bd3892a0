/** OSS refuses a request whose time is more than 15 minutes away from its own clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/

/**
 * An HTTP-date as OSS requires it (RFC 1123, two-digit day, GMT): `Sun, 22 Nov 2015 08:16:38 GMT`.
 * Returns epoch milliseconds, or null for any other spelling.
 */
export function parseHttpDate(value: string): number | null {
  const match = HTTP_DATE.exec(value)
  if (!match) return null
  const month = MONTHS.indexOf(match[3] ?? '')
  if (month === -1) return null
  const [day, year, hour, minute, second] = [match[2], match[4], match[5], match[6], match[7]].map(Number) as [number, number, number, number, number]
  const ms = Date.UTC(year, month, day, hour, minute, second)
  const date = new Date(ms)
  return date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 ? ms : null
}

/** V4's `x-oss-date`: ISO 8601 basic format, `20231203T121212Z`. */
export function parseIsoBasic(value: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value)
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number]
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  const date = new Date(ms)
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60 ? ms : null
}

export function formatHttpDate(ms: number): string {
  return new Date(ms).toUTCString()
}
