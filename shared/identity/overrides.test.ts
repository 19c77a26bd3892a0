import { describe, expect, it } from 'vitest'
import { issue } from './issues'
import { unresolvedIssues, warningCodes, warningOverrideSchema } from './overrides'

describe('warning overrides', () => {
  it('exist only for warning codes', () => {
    expect(warningCodes).toContain('validity.legal-period-mismatch')
    expect(warningCodes).not.toContain('required')
    const base = { field: 'expiryDate', reason: 'Operator checked the card' }
    expect(warningOverrideSchema.safeParse({ ...base, code: 'validity.legal-period-mismatch' }).success).toBe(true)
    expect(warningOverrideSchema.safeParse({ ...base, code: 'expiry-date.expired' }).success).toBe(false)
    expect(warningOverrideSchema.safeParse({ ...base, code: 'validity.legal-period-mismatch', reason: '   ' }).success).toBe(false)
  })

  it('never clear an error, and clear a warning only on the same field and code', () => {
    const warning = issue('surname', 'name.mixed-scripts', {})
    const error = issue('surname', 'required', {})
    const override = { field: 'surname', code: 'name.mixed-scripts', reason: 'As on the card' } as const
    expect(unresolvedIssues([warning, error], [override])).toEqual([error])
    expect(unresolvedIssues([warning], [{ ...override, field: 'givenName' }])).toEqual([warning])
  })
})
