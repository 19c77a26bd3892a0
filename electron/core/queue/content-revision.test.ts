import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submissionSteps } from '../../../shared/domain/steps'
import { binding, completeDraft, createQueued, identity, imageInput, openTestStore, runSteps, type TestStore } from './test-fixtures'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

const revisionOf = (id: string) => t.store.applicants.get(id)?.revision

describe('the content revision, through the store (each trigger alone: db/content-revision.test.ts)', () => {
  it('moves with every edit of what a step sends, and never with a step change', async () => {
    const id = await createQueued(t.store)
    const queued = revisionOf(id)
    expect(queued).toBeGreaterThan(0) // the images were added and the applicant queued

    runSteps(t.store, id, ['sts', 'upload:front', 'upload:back', 'upload:hand', 'authnew:1'])
    t.store.steps.markStep(id, 'authnew:2', { kind: 'started' })
    t.store.steps.markStep(id, 'authnew:2', { kind: 'failed-transient', error: { code: '503', message: 'busy' }, nextAttemptAt: t.clock.now + 1_000 })
    expect(revisionOf(id)).toBe(queued)

    // A new token resets no step, but the next request must carry it.
    await t.store.applicants.update(id, { binding: { ...binding, token: 'tk_new' } }, null)
    const afterToken = revisionOf(id)!
    expect(afterToken).toBeGreaterThan(queued!)
    await t.store.applicants.update(id, { identity: { ...identity, givenName: '明' } }, null)
    const afterIdentity = revisionOf(id)!
    expect(afterIdentity).toBeGreaterThan(afterToken)
    await t.store.applicants.update(id, { images: { back: imageInput() } }, 'op-2')
    expect(revisionOf(id)).toBeGreaterThan(afterIdentity)
  })

  it('moves when a submitted applicant is purged', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, submissionSteps)
    const submitted = revisionOf(id)
    expect(t.store.applicants.purge(id, null, 'asked by the customer')).toMatchObject({ ok: true })
    expect(revisionOf(id)).toBeGreaterThan(submitted!)
  })

  it('is reported by the commit that records an outcome', async () => {
    const { id: draft } = await t.store.applicants.create(completeDraft())
    expect(t.store.applicants.queue(draft, null)).toMatchObject({ ok: true })
    t.store.steps.markStarted(draft, ['sts'])
    const before = revisionOf(draft)
    const result = t.store.steps.recordStep(draft, 'sts', { kind: 'done' }, { retryAt: 0, autoLiveness: false })
    expect(result).toMatchObject({ ok: true, revision: before })
  })
})
