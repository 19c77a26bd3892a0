/** True for `YYYY-MM-DD` naming a day that exists (no 2023-02-29, no 2024-13-01). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** `YYYYMMDD` digits as `YYYY-MM-DD`, or null when they are not a real date. */
export function compactToIsoDate(digits: string): string | null {
  if (!/^\d{8}$/.test(digits)) return null
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`
  return isCalendarDate(iso) ? iso : null
}
