import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImageIntake, failureReason } from './index'
import { buildCorpus, type Corpus } from './test-fixtures/corpus'
import { renderMrzPage, td3Lines } from './test-fixtures/passport-page'

const intake = createImageIntake({ parallelism: 2 })
let corpus: Corpus
beforeAll(async () => {
  corpus = await buildCorpus()
})
afterAll(() => intake.close())

describe('createImageIntake', () => {
  it('validates its options', () => {
    expect(() => createImageIntake({ limits: { jpegQuality: 500 } })).toThrow()
    expect(() => createImageIntake({ quality: { minBlurScore: -1 } })).toThrow()
  })

  it('returns a discriminated result with the slot, the image and its own verdict', async () => {
    const good = await intake.normalize(corpus.front, { slot: 'front' })
    expect(good.ok && good.slot === 'front' && good.quality).toEqual({ passed: true, issues: [] })
    const blurred = await intake.normalize(corpus.blurred, { slot: 'back' })
    expect(blurred.ok).toBe(true)
    if (blurred.ok) expect(blurred.quality.issues).toEqual([expect.objectContaining({ slot: 'back', code: 'blurred', threshold: 100 })])
  })

  it('refuses a file with a code the screens word (imageFile.*)', async () => {
    const result = await intake.normalize(corpus.heic, { slot: 'front' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result).toMatchObject({ slot: 'front', reason: { code: 'heic-unsupported' } })
    expect(failureReason(result.reason)).toEqual({ key: 'imageFile.heic-unsupported' })
  })

  it('never rejects, whatever the corpus holds, including all at once', async () => {
    const settled = await Promise.allSettled(Object.values(corpus).map((input) => intake.normalize(input, { slot: 'hand' })))
    expect(settled.every((s) => s.status === 'fulfilled')).toBe(true)
  })

  it('assesses an applicant across slots', async () => {
    const front = await intake.normalize(corpus.front, { slot: 'front' })
    const back = await intake.normalize(corpus.front, { slot: 'back' })
    if (!front.ok || !back.ok) throw new Error('fixtures should normalise')
    const verdict = intake.assess({ front: front.image, back: back.image })
    expect(verdict.issues).toEqual([expect.objectContaining({ slot: 'back', code: 'duplicate', otherSlot: 'front' })])
  })

  it('reads an MRZ and hands it to the identity rules, which check every digit', async () => {
    const lines = td3Lines({ country: 'CHN', surname: 'ZHANG', givenNames: 'SAN', number: 'E12345678', nationality: 'CHN', birth: '850101', sex: 'M', expiry: '300101' })
    const scan = await intake.readMrz(await renderMrzPage(lines), { today: '2026-01-15' })
    expect(scan.ok).toBe(true)
    if (!scan.ok) return
    expect(scan.lines).toEqual(lines)
    expect(scan.mrz).toMatchObject({
      valid: true,
      data: { documentType: 'passport', surname: 'ZHANG', givenName: 'SAN', documentNumber: 'E12345678', birthday: '1985-01-01', gender: 'male', expiryDate: '2030-01-01' },
    })
  })

  it('lets the identity rules refuse a line with a wrong check digit', async () => {
    const [line1, line2] = td3Lines({ country: 'CHN', surname: 'WANG', givenNames: 'FANG', number: 'E11111111', nationality: 'CHN', birth: '900202', sex: 'F', expiry: '320202' })
    const tampered = `${line2.slice(0, 9)}${(Number(line2[9]) + 1) % 10}${line2.slice(10)}`
    const scan = await intake.readMrz(await renderMrzPage([line1, tampered]), { today: '2026-01-15' })
    expect(scan.ok && scan.lines[1]).toBe(tampered)
    expect(scan.ok && scan.mrz.valid).toBe(false)
  })
})
