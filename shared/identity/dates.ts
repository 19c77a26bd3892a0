import type { IsoDate } from '../domain/identity'

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings. Deliberately no `Date`: a JS Date is an instant, and
 * turning a calendar date into one drags the machine's time zone into rules that must give the same
 * answer in the renderer and in main.
 */

export interface CalendarDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** The shape alone: `YYYY-MM-DD`, without asking whether the day exists. */
export function hasIsoDateShape(value: string): boolean {
  return isoDatePattern.test(value)
}

/** A real calendar date written `YYYY-MM-DD`, or null (wrong shape, or a day like 2023-02-30). */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = isoDatePattern.exec(value)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  return isRealDate(year, month, day) ? { year, month, day } : null
}

export function isRealIsoDate(value: string): value is IsoDate {
  return parseIsoDate(value) !== null
}

export function toIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Same month and day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  const year = date.year + years
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) }
}

/** Completed years from `from` to `to` (age on a day); a 29 February birthday counts from 1 March. */
export function fullYearsBetween(from: CalendarDate, to: CalendarDate): number {
  const beforeAnniversary = to.month < from.month || (to.month === from.month && to.day < from.day)
  return to.year - from.year - (beforeAnniversary ? 1 : 0)
}

/** `YYYY-MM-DD` strings order like the dates they name, so plain comparison is date comparison. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Callers inject `today`; a malformed one is a programming error, not user input, so it throws. */
export function requireToday(today: string): CalendarDate {
  const parsed = parseIsoDate(today)
  if (!parsed) throw new RangeError(`today must be a real YYYY-MM-DD date, got ${JSON.stringify(today)}`)
  return parsed
}
