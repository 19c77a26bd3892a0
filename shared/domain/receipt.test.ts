import { describe, expect, it } from 'vitest'
import { paperTime, printViewRoute, receiptNextStep } from './receipt'
import { applicantStatuses } from './status'

describe('what the receipt says happens next', () => {
  it('follows the status as the customer can follow it', () => {
    expect(applicantStatuses.map((s) => [s, receiptNextStep(s)])).toEqual([
      ['draft', 'incomplete'],
      ['queued', 'queued'],
      ['syncing', 'queued'],
      ['waiting-retry', 'queued'],
      ['needs-attention', 'refused'],
      ['needs-new-qr', 'refused'],
      ['submitted', 'submitted'],
      ['liveness-pending', 'face-check'],
      ['verified', 'verified'],
    ])
  })

  it('names the print view the renderer routes and main checks', () => {
    expect(printViewRoute('receipt', 'abc-123')).toBe('/applicants/abc-123/receipt')
    expect(printViewRoute('consent', 'abc-123')).toBe('/applicants/abc-123/consent')
  })
})

describe('times on the papers', () => {
  it("are the branch's, not UTC nor the computer's", () => {
    const at = Date.UTC(2026, 11, 5, 2, 31, 11)
    expect(paperTime(at, 'Asia/Shanghai')).toBe('2026/12/05 10:31:11')
    expect(paperTime(at, 'Europe/London')).toBe('2026/12/05 02:31:11')
    // Past midnight in Beijing while still the day before in UTC.
    expect(paperTime(Date.UTC(2026, 11, 4, 17, 5, 0), 'Asia/Shanghai')).toBe('2026/12/05 01:05:00')
  })
})
