import { describe, expect, it } from 'vitest'
import { fileStampInZone, formatTime, isTimeZone, isoInZone, resolveTimeZone, startOfDayInZone, systemTimeZone } from './time'

// 2026-11-29T01:31:11Z: 09:31 in Beijing, 20:31 the day before in New York.
const at = Date.UTC(2026, 10, 29, 1, 31, 11)

describe('branch time', () => {
  it('accepts IANA zone names and refuses anything else', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true)
    expect(isTimeZone('UTC')).toBe(true)
    expect(isTimeZone('Asia/Beijing')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })

  it('falls back to the system zone when the setting names none', () => {
    expect(resolveTimeZone('')).toBe(systemTimeZone())
    expect(resolveTimeZone('America/New_York')).toBe('America/New_York')
  })

  it('writes exports in the branch zone with its offset, not in UTC', () => {
    expect(isoInZone(at, 'Asia/Shanghai')).toBe('2026-11-29T09:31:11+08:00')
    expect(isoInZone(at, 'America/New_York')).toBe('2026-11-28T20:31:11-05:00')
    expect(isoInZone(at, 'UTC')).toBe('2026-11-29T01:31:11+00:00')
    expect(fileStampInZone(at, 'Asia/Shanghai')).toBe('20261129-093111')
  })

  it('shows people the wall-clock time of the branch', () => {
    expect(formatTime(at, { locale: 'zh-CN', timeZone: 'Asia/Shanghai', style: 'full' })).toContain('09:31:11')
    expect(formatTime(at, { locale: 'en', timeZone: 'America/New_York', style: 'short' })).toContain('20:31')
  })

  it('finds the branch\'s midnight, not UTC\'s', () => {
    expect(startOfDayInZone(at, 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 28, 16, 0, 0))
    expect(startOfDayInZone(at, 'America/New_York')).toBe(Date.UTC(2026, 10, 28, 5, 0, 0))
  })
})
