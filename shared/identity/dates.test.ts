import { describe, expect, it } from 'vitest'
import { addYears, fullYearsBetween, isRealIsoDate, parseIsoDate } from './dates'

describe('calendar dates', () => {
  it('knows which days exist', () => {
    expect(isRealIsoDate('2024-02-29')).toBe(true)
    expect(isRealIsoDate('2023-02-29')).toBe(false)
    expect(isRealIsoDate('1900-02-29')).toBe(false)
    expect(isRealIsoDate('2000-02-29')).toBe(true)
    expect(isRealIsoDate('2023-04-31')).toBe(false)
    expect(isRealIsoDate('2023-4-1')).toBe(false)
  })

  it('adds years, keeping 29 February inside the month', () => {
    const leap = parseIsoDate('2024-02-29')
    expect(leap && addYears(leap, 5)).toEqual({ year: 2029, month: 2, day: 28 })
  })

  it('counts completed years', () => {
    const born = parseIsoDate('1990-06-15')
    const before = parseIsoDate('2016-06-14')
    const on = parseIsoDate('2016-06-15')
    expect(born && before && fullYearsBetween(born, before)).toBe(25)
    expect(born && on && fullYearsBetween(born, on)).toBe(26)
  })
})
