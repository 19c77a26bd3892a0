import { describe, expect, it } from 'vitest'
import { issue, issueCatalog, issueCodes, issueSchema } from './issues'
import { issueSamples, sampleIssue } from './test-fixtures/issue-samples'

describe('issueCatalog', () => {
  it('has a sample for every code, each valid for its code', () => {
    expect(Object.keys(issueSamples).sort()).toEqual([...issueCodes].sort())
    for (const code of issueCodes) expect(issueCatalog[code].params.safeParse(issueSamples[code]).success).toBe(true)
  })
})

describe('issueSchema', () => {
  it('round-trips every issue, for the IPC contract', () => {
    for (const code of issueCodes) {
      const found = sampleIssue(code)
      expect(issueSchema.parse(JSON.parse(JSON.stringify(found)))).toEqual(found)
    }
  })

  it('rejects a severity the catalog does not give the code, and unknown codes', () => {
    expect(issueSchema.safeParse({ ...issue('validity', 'validity.legal-period-mismatch', issueSamples['validity.legal-period-mismatch']), severity: 'error' }).success).toBe(false)
    expect(issueSchema.safeParse({ field: 'surname', code: 'no.such', severity: 'error', params: {} }).success).toBe(false)
    expect(issueSchema.safeParse({ field: 'surname', code: 'too-long', severity: 'error', params: { max: 'x' } }).success).toBe(false)
  })
})
