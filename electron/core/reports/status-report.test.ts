import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createQueued, identity, openTestStore, type TestStore } from '../queue/test-fixtures'
import { statusReport } from './status-report'

describe('status report', () => {
  let t: TestStore
  beforeEach(async () => {
    t = await openTestStore()
  })
  afterEach(() => t.cleanup())

  it('masks personal data unless asked, and neutralises a formula the platform sent back', async () => {
    const id = await createQueued(t.store)
    t.store.steps.markStep(id, 'sts', { kind: 'started' })
    t.store.steps.markStep(id, 'sts', {
      kind: 'failed-needs-attention',
      error: { kind: 'refused', code: '-1', message: '=HYPERLINK("http://evil.example","click")' },
    })
    const masked = statusReport(t.store, { includePersonalData: false, timeZone: 'Asia/Shanghai' })
    expect(masked.rows).toBe(1)
    expect(masked.csv.startsWith('\uFEFFreference,label,status')).toBe(true)
    expect(masked.csv).not.toContain(identity.documentNumber)
    expect(masked.csv).not.toContain(identity.givenName)
    expect(masked.csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`)
    expect(masked.csv).toContain('needs-attention')

    const full = statusReport(t.store, { includePersonalData: true, timeZone: 'Asia/Shanghai' })
    expect(full.csv).toContain(identity.documentNumber)
    expect(full.csv).toContain('document_number')
  })
})
