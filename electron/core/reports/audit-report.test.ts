import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createQueued, identity, openTestStore, type TestStore } from '../queue/test-fixtures'
import { auditReport } from './audit-report'

describe('audit report', () => {
  let t: TestStore
  beforeEach(async () => {
    t = await openTestStore()
  })
  afterEach(() => t.cleanup())

  it('lists every event with its operator and the applicant reference, and no personal data', async () => {
    const operator = await t.store.operators.create('Lin', '246810', t.clock.now)
    const id = await createQueued(t.store)
    t.store.events.append({ type: 'override', applicantId: id, operatorId: operator.id, details: { slot: 'back', reason: '=cmd|calc' } })
    const { csv, rows } = auditReport(t.store, 'Asia/Shanghai')
    const reference = t.store.applicants.summary(id)?.reference ?? ''
    expect(rows).toBeGreaterThanOrEqual(3)
    expect(csv).toContain(`override,Lin,${reference}`)
    // The branch's wall clock with its offset, not UTC's `Z`.
    expect(csv).toMatch(/,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00,override,/)
    expect(csv).not.toMatch(/\d\dZ,/)
    expect(csv).toContain('captured')
    expect(csv).toContain('queued')
    expect(csv).not.toContain(identity.documentNumber)
    expect(csv).not.toContain(identity.surname + identity.givenName)
  })
})
