import { describe, expect, it } from 'vitest'
import { maskedLabel, nextReference } from './label'
import { identity, passportIdentity } from './test-fixtures'

describe('maskedLabel', () => {
  it('shows the surname initial and the last four of the document number only', () => {
    expect(maskedLabel(identity)).toBe('欧* ····002X')
    expect(maskedLabel(passportIdentity)).toBe('F* ····1846')
    expect(maskedLabel({ ...identity, surname: '𠮷野' })).toBe('𠮷* ····002X')
  })
})

describe('nextReference', () => {
  it('counts per local day', () => {
    const at = new Date(2024, 2, 9, 10, 0).getTime()
    expect(nextReference(at, undefined)).toBe('20240309-0001')
    expect(nextReference(at, '20240309-0041')).toBe('20240309-0042')
  })
})
