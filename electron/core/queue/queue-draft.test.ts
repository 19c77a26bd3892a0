import { mkdirSync, existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CaptureForm } from '../../../shared/contract/intake'
import { adoptLegacyFormFiles } from '../intake/capture/legacy-form-files'
import { allImages, binding, consent, identity, openTestStore, type TestStore } from './test-fixtures'
import type { StepChange } from './types'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

const halfTyped: CaptureForm = {
  identity: { documentType: 'id_card', country: 'CHN', chineseMainland: true, surname: '王', documentNumber: '1101051949' },
  consent: false,
  overrides: [],
}
const override = { source: 'capture', field: 'expiryDate', code: 'validity.legal-period-mismatch', reason: 'checked' }

describe('a draft lives in its row', () => {
  it('keeps the half-typed form sealed in the row and opens it again', async () => {
    const { id } = await t.store.applicants.create({ operatorId: 'op-1', consent: null })
    expect(t.store.applicants.captureForm(id)).toBeNull()
    const saved = await t.store.applicants.update(id, { captureForm: halfTyped }, 'op-1')
    expect(saved.ok).toBe(true)
    expect(t.store.applicants.captureForm(id)).toEqual(halfTyped)
    // Saving a form is not an edit worth an audit line.
    expect(t.store.events.listForApplicant(id).map((e) => e.type)).toEqual(['captured'])
  })

  it('queues content, overrides and the queueing in one commit, and ends the form with it', async () => {
    const { id } = await t.store.applicants.create({ binding, images: allImages(), operatorId: 'op-1', consent: null })
    await t.store.applicants.update(id, { captureForm: halfTyped }, 'op-1')
    const seen: StepChange[] = []
    t.store.onStepChange((c) => seen.push(c))
    const result = await t.store.applicants.queueDraft(id, { identity, consent, livenessAuto: true }, 'op-1', [override])
    expect(result).toEqual({ ok: true, status: 'queued' })
    expect(t.store.applicants.get(id)).toMatchObject({ stage: 'queued', identity, consent, livenessAuto: true })
    expect(t.store.applicants.captureForm(id)).toBeNull()
    expect(t.store.events.listForApplicant(id).map((e) => e.type)).toEqual(['captured', 'edited', 'override', 'queued'])
    expect(seen.length).toBe(9)
  })

  it('leaves the draft as it was when the queueing is refused: no content, no override event', async () => {
    const { id } = await t.store.applicants.create({ binding, images: { front: allImages().front }, operatorId: 'op-1', consent: null })
    await t.store.applicants.update(id, { captureForm: halfTyped }, 'op-1')
    const result = await t.store.applicants.queueDraft(id, { identity, consent }, 'op-1', [override])
    expect(result).toEqual({ ok: false, reason: 'missing-images', slots: ['back', 'hand'] })
    expect(t.store.applicants.get(id)).toMatchObject({ stage: 'draft', identity: null, consent: null })
    expect(t.store.applicants.captureForm(id)).toEqual(halfTyped)
    expect(t.store.events.listForApplicant(id).map((e) => e.type)).toEqual(['captured'])
  })

  it('adopts a form file from before the column into its draft, and removes every such file', async () => {
    const { id } = await t.store.applicants.create({ operatorId: null, consent: null })
    const gone = '01hzzzzzzzzzzzzzzzzzzzzzzz'
    const dir = join(t.dir, 'capture-forms')
    mkdirSync(dir)
    writeFileSync(join(dir, `${id}.form`), t.store.fields.sealJson(halfTyped, { applicantId: id, field: 'capture-form' }))
    writeFileSync(join(dir, `${gone}.form`), t.store.fields.sealJson(halfTyped, { applicantId: gone, field: 'capture-form' }))
    expect(await adoptLegacyFormFiles(dir, t.store)).toBe(1)
    expect(t.store.applicants.captureForm(id)).toEqual(halfTyped)
    expect(existsSync(dir)).toBe(false)
  })
})
