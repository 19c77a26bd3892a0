import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { binding, identity, openTestStore, type TestStore } from '../../queue/test-fixtures'
import { createImageIntake, type ImageIntake } from '../image'
import { renderCard } from '../import/test-fixtures/card-images'
import { applicants } from '../import/test-fixtures/manifests'
import { FolderInbox } from './inbox'
import { compileFileNamePattern } from './pattern'

const slots = ['front', 'back', 'hand'] as const
let intake: ImageIntake
let card: Buffer
beforeAll(async () => {
  intake = createImageIntake({ parallelism: 2 })
  card = await renderCard(applicants[0]!.person, 'front')
})
afterAll(() => intake.close())

let t: TestStore
let dir: string
beforeEach(async () => {
  t = await openTestStore()
  dir = mkdtempSync(join(tmpdir(), 'kyc-inbox-'))
})
afterEach(() => {
  t.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const pattern = compileFileNamePattern('{ref}_{slot}')
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined }

/** The watcher's events fed straight in: files "saved at once" without any timing involved. */
function inbox(normalize: ImageIntake['normalize']) {
  if (!pattern?.ok) throw new Error('pattern')
  return new FolderInbox({ applicants: t.store.applicants, intake: { normalize }, clock: () => t.clock.now, log: quiet, pattern, operatorId: () => 'op-1', maxFileBytes: 25 * 1024 * 1024 })
}

describe('finding 13: many files saved to the scanner folder at once', () => {
  it('every file leaves "checking": assigned, or rejected with a reason when its check throws', async () => {
    const drafts = await Promise.all(Array.from({ length: 4 }, () => t.store.applicants.create({ identity, binding, operatorId: null, consent: null })))
    const poison = Buffer.concat([card, Buffer.from('poison')])
    const scanner = inbox((bytes, context) => (bytes.equals(poison) ? Promise.reject(new Error('the OCR worker died')) : intake.normalize(bytes, context)))
    const files = drafts.flatMap((d) => slots.map((slot) => join(dir, `${d.reference}_${slot}.jpg`)))
    files.forEach((path, i) => writeFileSync(path, i === 5 ? poison : card))
    // The watcher reports each file twice (add, then change when the scanner closes it).
    for (const path of files) scanner.fileSeen(path, card.length, 1)
    for (const path of files) scanner.fileSeen(path, card.length, 2)
    await scanner.settled()

    expect(scanner.list().map((i) => [i.name, i.state, i.reason?.code])).toEqual([[`${drafts[1]!.reference}_hand.jpg`, 'rejected', 'file.check-failed']])
    for (const draft of drafts) {
      const record = t.store.applicants.get(draft.id)
      const filled = record?.stage === 'draft' ? Object.keys(record.images).sort() : []
      expect(filled).toEqual(draft === drafts[1] ? ['back', 'front'] : ['back', 'front', 'hand'])
    }
  })
})
