import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { submissionSteps } from '../../../shared/domain/steps'
import { allImages, binding, consent, createQueued, fakeJpeg, identity, imageInput, openTestStore, passportIdentity, runSteps, type TestStore } from './test-fixtures'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

describe('drafts', () => {
  it('creates a draft with a reference and masked label, and returns it decrypted', async () => {
    const { id, reference } = await t.store.applicants.create({ identity, binding, images: allImages(), operatorId: 'op-1', consent })
    expect(reference).toMatch(/^\d{8}-0001$/)
    const record = t.store.applicants.get(id)
    expect(record).toMatchObject({ stage: 'draft', status: 'draft', label: '欧* ····002X', identity, binding, consent })
    if (record?.stage !== 'draft') throw new Error('expected a draft')
    expect(record.images.back).toMatchObject({ width: 1600, height: 1000, quality: { verdict: 'ok', sharpness: 0.91 } })
    const second = await t.store.applicants.create({ operatorId: null, consent: null })
    expect(second.reference).toMatch(/-0002$/)
    expect(t.store.events.listForApplicant(id).map((e) => e.type)).toEqual(['captured'])
  })

  it('rejects invalid identity data before writing anything', async () => {
    await expect(
      t.store.applicants.create({ identity: { ...identity, birthday: '31/12/1949' }, operatorId: null, consent: null }),
    ).rejects.toThrow()
    await expect(t.store.applicants.create({ binding: { uid: '0123', token: 'x' }, operatorId: null, consent: null })).rejects.toThrow()
    expect(t.store.applicants.list().total).toBe(0)
  })

  it('queues only a complete draft with consent, creating the nine submission steps', async () => {
    const bare = await t.store.applicants.create({ operatorId: null, consent: null })
    expect(t.store.applicants.queue(bare.id, null)).toEqual({ ok: false, reason: 'missing-identity' })
    await t.store.applicants.update(bare.id, { identity, binding, images: { front: imageInput() } }, null)
    expect(t.store.applicants.queue(bare.id, null)).toEqual({ ok: false, reason: 'missing-images', slots: ['back', 'hand'] })
    await t.store.applicants.update(bare.id, { images: { back: imageInput(), hand: imageInput() } }, null)
    expect(t.store.applicants.queue(bare.id, null)).toEqual({ ok: false, reason: 'missing-consent' })
    await t.store.applicants.update(bare.id, { consent }, null)
    expect(t.store.applicants.queue(bare.id, 'op-1')).toEqual({ ok: true, status: 'queued' })
    expect(t.store.applicants.queue(bare.id, null)).toEqual({ ok: false, reason: 'already-queued' })
    expect(t.store.steps.steps(bare.id).map((s) => [s.name, s.state, s.attempts])).toEqual(submissionSteps.map((n) => [n, 'pending', 0]))
    expect(t.store.applicants.queue('nope', null)).toEqual({ ok: false, reason: 'not-found' })
  })

  it('records an image override with its reason in the event log', async () => {
    const { id } = await t.store.applicants.create({
      images: { hand: imageInput(fakeJpeg(), 'glare unavoidable, customer in a hurry') },
      operatorId: 'op-7',
      consent: null,
    })
    expect(t.store.events.listForApplicant(id).find((e) => e.type === 'override')).toMatchObject({
      operatorId: 'op-7',
      details: { slot: 'hand', reason: 'glare unavoidable, customer in a hurry' },
    })
  })
})

describe('listing', () => {
  it('lists newest first, filters by status, searches reference and label, pages', async () => {
    const a = await createQueued(t.store)
    t.clock.advance(1000)
    const b = await t.store.applicants.create({ identity: passportIdentity, operatorId: null, consent: null })
    t.clock.advance(1000)
    const c = await createQueued(t.store)
    runSteps(t.store, c, submissionSteps)
    expect(t.store.applicants.list().items.map((i) => i.id)).toEqual([c, b.id, a])
    expect(t.store.applicants.list({ order: 'oldest' }).items.map((i) => i.id)).toEqual([a, b.id, c])
    expect(t.store.applicants.list({ status: 'submitted' }).items.map((i) => i.id)).toEqual([c])
    expect(t.store.applicants.list({ search: 'F* ····1846' }).items.map((i) => i.id)).toEqual([b.id])
    expect(t.store.applicants.list({ search: b.reference }).items.map((i) => i.id)).toEqual([b.id])
    expect(t.store.applicants.list({ search: '%' }).total).toBe(0)
    const page = t.store.applicants.list({ offset: 1, limit: 1 })
    expect(page).toMatchObject({ total: 3, items: [{ id: b.id, status: 'draft', steps: [] }] })
    expect(t.store.applicants.countsByStatus()).toEqual({
      draft: 1, queued: 1, syncing: 0, 'waiting-retry': 0, 'needs-attention': 0, 'needs-new-qr': 0, submitted: 1, 'liveness-pending': 0, verified: 0,
    })
  })

  it('shows the operator name and the error a person must act on', async () => {
    const op = await t.store.operators.create('Li Wei', '1234', t.clock.now)
    const { id } = await t.store.applicants.create({ identity, binding, images: allImages(), operatorId: op.id, consent })
    t.store.applicants.queue(id, op.id)
    t.store.steps.markStep(id, 'sts', { kind: 'started' })
    t.store.steps.markStep(id, 'sts', { kind: 'failed-needs-attention', error: { kind: 'refused', code: '-1', message: '令牌无效' } })
    expect(t.store.applicants.list().items[0]).toMatchObject({
      operatorName: 'Li Wei',
      status: 'needs-attention',
      lastError: { kind: 'refused', code: '-1', message: '令牌无效' },
    })
  })
})

describe('remove and purge', () => {
  it('removes an applicant that never reached the platform, with its unshared images', async () => {
    const shared = fakeJpeg()
    const keep = await t.store.applicants.create({ images: { front: imageInput(shared) }, operatorId: null, consent: null })
    const id = await createQueued(t.store)
    await t.store.applicants.update(id, { images: { front: imageInput(shared) } }, null)
    const record = t.store.applicants.get(id)
    if (record?.stage !== 'queued') throw new Error('expected queued')
    runSteps(t.store, id, ['sts'])
    expect(t.store.applicants.remove(id, 'op-1')).toEqual({ ok: true })
    expect(t.store.applicants.get(id)).toBeNull()
    expect(t.store.images.has(record.images.back.sha256)).toBe(false)
    expect(t.store.images.has(record.images.front.sha256)).toBe(true) // still the other draft's
    expect(t.store.applicants.get(keep.id)).not.toBeNull()
    expect(t.store.events.listForApplicant(id).at(-1)).toMatchObject({ type: 'removed', operatorId: 'op-1' })
  })

  it('refuses to remove once an upload was attempted, or while a step runs', async () => {
    const id = await createQueued(t.store)
    runSteps(t.store, id, ['sts'])
    t.store.steps.markStep(id, 'upload:front', { kind: 'started' })
    expect(t.store.applicants.remove(id, null)).toEqual({ ok: false, reason: 'running' })
    t.store.steps.markStep(id, 'upload:front', { kind: 'failed-transient', error: { code: 'ECONNRESET', message: 'reset' }, nextAttemptAt: t.clock.now + 1000 })
    expect(t.store.applicants.remove(id, null)).toEqual({ ok: false, reason: 'reached-platform' })
  })

  it('purges a finished applicant: personal data and images go, the minimal record and events stay', async () => {
    const id = await createQueued(t.store)
    const before = t.store.applicants.get(id)
    if (before?.stage !== 'queued') throw new Error('expected queued')
    const { id: draft } = await t.store.applicants.create({ identity, operatorId: null, consent: null })
    expect(t.store.applicants.purge(draft, null, 'retention')).toEqual({ ok: false, reason: 'draft' })
    runSteps(t.store, id, submissionSteps)
    expect(t.store.steps.stepData(id, 'upload:back')).not.toBeNull()
    expect(t.store.applicants.purge(id, null, 'retention')).toEqual({ ok: true })
    const after = t.store.applicants.get(id)
    expect(after).toMatchObject({ stage: 'purged', status: 'submitted', label: null, reference: before.reference })
    expect(after && 'identity' in after).toBe(false)
    for (const image of Object.values(before.images)) expect(t.store.images.has(image.sha256)).toBe(false)
    expect(t.store.steps.stepData(id, 'upload:back')).toBeNull()
    expect(t.store.steps.steps(id).every((s) => s.state === 'done')).toBe(true)
    expect(t.store.events.listForApplicant(id).at(-1)).toMatchObject({ type: 'purged', details: { reason: 'retention', images: 3 } })
    expect(t.store.applicants.purge(id, null, 'retention')).toEqual({ ok: false, reason: 'already-purged' })
    expect(await t.store.applicants.update(id, { identity }, null)).toEqual({ ok: false, reason: 'purged' })
    expect(t.store.steps.markStep(id, 'sts', { kind: 'started' })).toEqual({ ok: false, reason: 'purged' })
  })
})
