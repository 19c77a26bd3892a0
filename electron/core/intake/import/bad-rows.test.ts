import { copyFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { consent } from '../../queue/test-fixtures'
import { codesByRow, openHarness, ready, type ImportHarness } from './test-fixtures/harness'
import { applicants, csvText, imageFolder, manifestRows, recordOf, today, writeCsv, type ManifestRecord } from './test-fixtures/manifests'
import type { ImportProgress } from './types'
import type { ImportProblem } from './problems'
import { importProblemSchema } from '../../../../shared/contract/import'
import { problemWords } from './test-fixtures/words'

let folder: { dir: string; images: string }
let h: ImportHarness
beforeAll(async () => {
  folder = await imageFolder()
  // A truncated JPEG and a blurred copy of a real front image.
  const front = join(folder.images, applicants[0]!.files.front)
  const bytes = await sharp(front).toBuffer()
  writeFileSync(join(folder.images, 'truncated.jpg'), bytes.subarray(0, bytes.length >> 1))
  await sharp(front).blur(12).jpeg().toFile(join(folder.images, 'blurred.jpg'))
  // Another applicant's pictures: a passport row of its own, for the row with typing errors.
  for (const slot of ['front', 'back', 'hand'] as const) {
    await sharp(join(folder.images, applicants[2]!.files[slot])).jpeg({ quality: 70 }).toFile(join(folder.images, `other_${slot}.jpg`))
  }
})
beforeEach(async () => {
  h = await openHarness()
})
afterEach(() => h.close())

const [li, chen, hartley] = applicants.map(recordOf) as [ManifestRecord, ManifestRecord, ManifestRecord]

function manifest(name: string, records: readonly ManifestRecord[]): string {
  const path = join(folder.dir, name)
  writeCsv(path, csvText(manifestRows(records)), 'utf-8')
  return path
}

/**
 * What the preview and the import answer is codes with their values, never a sentence in one
 * language: each problem is exactly the contract's shape, and no value reads as words.
 */
function expectCodesOnly(problems: readonly ImportProblem[]): void {
  expect(problems.length).toBeGreaterThan(10)
  for (const problem of problems) {
    expect(importProblemSchema.safeParse(problem).success).toBe(true)
    expect(JSON.stringify(problem)).not.toMatch(/[\u4e00-\u9fff]|"message"|[a-z]+ [a-z]+ [a-z]+/i)
  }
}

const imageFiles = () => readdirSync(join(h.t.dir, 'images'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.bin'))

describe('a manifest with bad rows', () => {
  it('previews every row with every reason, imports the good ones and reports each bad one', async () => {
    const path = manifest('mixed.csv', [
      li,
      { ...chen, documentNumber: `${chen.documentNumber.slice(0, 17)}${chen.documentNumber.endsWith('0') ? '1' : '0'}` },
      { ...hartley, documentNumber: 'K1234567', gender: 'X', birthday: '21.09.1988', uid: '0123', token: '', front: 'other_front.jpg', back: 'other_back.jpg', hand: 'other_hand.jpg' },
      { ...li, uid: '5', documentNumber: '11010519850101001X', birthday: '1985-01-01', issueDate: '2030-01-01', front: '../outside.jpg', back: 'missing.jpg', hand: 'truncated.jpg' },
      hartley,
      { ...li, token: 'tk_dup' },
    ])
    const preview = ready(await h.importer.preview(path, folder.images, { today }))
    expect(preview.summary).toEqual({ total: 6, ready: 2, needsReview: 0, invalid: 4 })
    const codes = codesByRow(preview)
    expect(codes[2]).toEqual([])
    expect(codes[3]).toEqual(['cn-id.check-character'])
    expect(codes[4]).toEqual(expect.arrayContaining(['value.gender', 'value.date', 'uid.leading-zero', 'token.missing']))
    expect(codes[5]).toEqual(expect.arrayContaining(['date.future', 'file.traversal', 'file.not-found', 'image.truncated']))
    expect(codes[7]).toEqual(['row.duplicate-document', 'file.reused', 'file.reused', 'file.reused'])
    const gender = preview.rows[2]?.problems.find((p) => p.code === 'value.gender')
    expect(gender).toEqual({ field: 'gender', code: 'value.gender', severity: 'error', words: 'reason', reason: { key: 'importProblem.value.gender', params: { value: 'X' } }, detail: null })
    expect(gender && problemWords(gender, 'en')).toBe('Gender: “X” is not M, F, 1, 2, 男 or 女')
    expect(gender && problemWords(gender, 'zh-CN')).toBe('性别：“X”不是 M、F、1、2、男 或 女')

    const result = await h.importer.commit(preview, { operatorId: 'op-1', consent, queue: true })
    expect(result).toMatchObject({ imported: 2, rejected: 4 })
    expectCodesOnly([...preview.rows.flatMap((r) => r.problems), ...result.rows.flatMap((r) => (r.outcome === 'rejected' ? r.problems : []))])
    expect(result.rows.map((r) => [r.row, r.outcome])).toEqual([
      [2, 'imported'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'imported'],
      [7, 'rejected'],
    ])
    const rejected = result.rows.find((r) => r.row === 4)
    expect(rejected?.outcome === 'rejected' && rejected.problems.length).toBe(preview.rows[2]?.problems.length)
    expect(h.t.store.applicants.list().total).toBe(2)
    expect(imageFiles()).toHaveLength(6)
  })

  it('holds back a row with only quality warnings unless the operator gives a reason, and logs that reason', async () => {
    const path = manifest('blurred.csv', [{ ...li, front: 'blurred.jpg' }])
    const preview = ready(await h.importer.preview(path, folder.images, { today }))
    expect(preview.rows[0]).toMatchObject({ status: 'needs-review', problems: [{ field: 'front', code: 'quality.blurred', severity: 'warning' }] })
    const blurred = preview.rows[0]?.problems[0]
    expect(blurred && problemWords(blurred, 'en')).toMatch(/^Document front: Image blurred: retake or rescan it \(Sharpness \d+, needs at least 100 \(higher is sharper\)\)$/)
    expect(blurred && problemWords(blurred, 'zh-CN')).toMatch(/^证件正面：照片模糊：请重拍或重新扫描（清晰度 \d+，至少需要 100（越高越清晰））$/)

    const refused = await h.importer.commit(preview, { operatorId: 'op-1', consent, queue: true })
    expect(refused.rows[0]).toMatchObject({ outcome: 'rejected', problems: [{ code: 'quality.blurred' }, { code: 'row.needs-override' }] })
    expect(h.t.store.applicants.list().total).toBe(0)

    const accepted = await h.importer.commit(preview, { operatorId: 'op-1', consent, queue: true, acceptWarnings: { reason: 'original card is worn; checked in person' } })
    const row = accepted.rows[0]
    if (row?.outcome !== 'imported') throw new Error('expected the row imported')
    const record = h.t.store.applicants.get(row.applicantId)
    expect(record?.stage === 'queued' && record.images.front.overrideReason).toBe('original card is worn; checked in person')
    expect(h.t.store.events.listForApplicant(row.applicantId).map((e) => e.type)).toEqual(['captured', 'override', 'image-flagged', 'queued'])
  })

  it('lands nothing of a row the queue refuses (no consent to queue)', async () => {
    const preview = ready(await h.importer.preview(manifest('consent.csv', [li]), folder.images, { today }))
    const result = await h.importer.commit(preview, { operatorId: null, consent: null, queue: true })
    expect(result.rows[0]).toMatchObject({ outcome: 'rejected', problems: [{ code: 'commit.refused' }] })
    expect(h.t.store.applicants.list().total).toBe(0)
    expect(imageFiles()).toHaveLength(0)
    const drafts = await h.importer.commit(preview, { operatorId: null, consent: null, queue: false })
    expect(drafts.rows[0]).toMatchObject({ outcome: 'imported', status: 'draft' })
  })

  it('refuses a row whose image file was replaced after the preview', async () => {
    const copy = { ...li, front: 'changing.jpg' }
    copyFileSync(join(folder.images, li.front), join(folder.images, 'changing.jpg'))
    const preview = ready(await h.importer.preview(manifest('changing.csv', [copy, chen]), folder.images, { today }))
    copyFileSync(join(folder.images, chen.front), join(folder.images, 'changing.jpg'))
    const result = await h.importer.commit(preview, { operatorId: 'op-1', consent, queue: true })
    expect(result.rows.map((r) => r.outcome)).toEqual(['rejected', 'imported'])
    expect(result.rows[0]).toMatchObject({ problems: [{ code: 'image.changed' }] })
  })

  it('reports progress row by row for both phases', async () => {
    const path = manifest('progress.csv', [li, chen, hartley])
    const seen: ImportProgress[] = []
    const preview = ready(await h.importer.preview(path, folder.images, { today, onProgress: (p) => seen.push(p) }))
    await h.importer.commit(preview, { operatorId: null, consent, queue: true, onProgress: (p) => seen.push(p) })
    const phase = (name: string) => seen.filter((p) => p.phase === name).map((p) => p.done)
    expect(phase('preview')).toEqual([0, 1, 2, 3])
    expect(phase('commit')).toEqual([0, 1, 2, 3])
    expect(seen.every((p) => p.total === 3)).toBe(true)
  })
})
