import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createQueued, identity, openTestStore, type TestStore } from './test-fixtures'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

describe('showing a document number in full', () => {
  it('is written to the audit log by the store, naming who saw it', async () => {
    const id = await createQueued(t.store)
    const record = t.store.applicants.getRevealing(id, 'op-7')
    expect(record?.stage === 'queued' && record.identity.documentNumber).toBe(identity.documentNumber)
    const revealed = t.store.events.listForApplicant(id).filter((e) => e.type === 'revealed')
    expect(revealed.map((e) => [e.operatorId, e.details])).toEqual([['op-7', { field: 'documentNumber' }]])
  })

  it('logs nothing when there is nothing to see', async () => {
    const { id } = await t.store.applicants.create({ operatorId: null, consent: null })
    t.store.applicants.getRevealing(id, 'op-7')
    expect(t.store.events.listForApplicant(id).filter((e) => e.type === 'revealed')).toEqual([])
  })
})
