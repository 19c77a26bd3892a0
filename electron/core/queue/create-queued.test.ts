import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { allImages, binding, consent, identity, openTestStore, type TestStore } from './test-fixtures'
import type { StepChange } from './types'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

const imageFiles = (dir: string): string[] => {
  try {
    return readdirSync(join(dir, 'images'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bin'))
  } catch {
    return []
  }
}

describe('createQueued (batch import: an applicant lands queued or not at all)', () => {
  it('creates and queues in one go, and publishes the new steps after the commit', async () => {
    const seen: StepChange[] = []
    t.store.onStepChange((c) => seen.push(c))
    const result = await t.store.applicants.createQueued({ identity, binding, images: allImages(), operatorId: 'op-1', consent })
    if (!result.ok) throw new Error(`refused: ${result.reason}`)
    expect(result).toMatchObject({ status: 'queued', reference: expect.stringMatching(/-0001$/) })
    expect(t.store.applicants.get(result.id)).toMatchObject({ stage: 'queued', identity, binding })
    expect(seen.length).toBe(9)
    expect(t.store.events.listForApplicant(result.id).map((e) => e.type)).toEqual(['captured', 'queued'])
  })

  it('rolls the creation back on a refusal, leaving no row and no image file', async () => {
    const result = await t.store.applicants.createQueued({ identity, binding, images: allImages(), operatorId: null, consent: null })
    expect(result).toEqual({ ok: false, reason: 'missing-consent' })
    expect(t.store.applicants.list().total).toBe(0)
    expect(imageFiles(t.dir)).toEqual([])
    const partial = await t.store.applicants.createQueued({ identity, binding, images: { front: allImages().front }, operatorId: null, consent })
    expect(partial).toEqual({ ok: false, reason: 'missing-images', slots: ['back', 'hand'] })
    expect(t.store.applicants.list().total).toBe(0)
  })
})
