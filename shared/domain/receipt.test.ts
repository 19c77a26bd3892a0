import { describe, expect, it } from 'vitest'
import { printViewRoute, receiptNextStep } from './receipt'
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
