import { describe, expect, it } from 'vitest'
import { localIsoDate } from './local-date'

describe('localIsoDate', () => {
  it('reads the calendar date in local time, zero-padded', () => {
    expect(localIsoDate(new Date(2024, 0, 5, 23, 59).getTime())).toBe('2024-01-05')
    expect(localIsoDate(new Date(2024, 11, 31, 0, 0).getTime())).toBe('2024-12-31')
  })
})
