import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { cropMrzBand, otsu } from './mrz-band'
import { renderDocument } from './test-fixtures/documents'
import { renderMrzPage, td1Lines, td3Lines } from './test-fixtures/passport-page'

const fields = { country: 'CHN', surname: 'ZHANG', givenNames: 'SAN', number: 'E12345678', nationality: 'CHN', birth: '850101', sex: 'M' as const, expiry: '300101' }

describe('cropMrzBand', () => {
  it('finds the two TD3 lines and returns a binarised crop wider than tall', async () => {
    const band = await cropMrzBand(await renderMrzPage(td3Lines(fields)), 100_000_000)
    expect(band).toMatchObject({ located: true, lineCount: 2 })
    const meta = await sharp(band.png).metadata()
    expect(meta.width).toBeGreaterThan(meta.height * 5)
    const { channels } = await sharp(band.png).stats()
    // Binarised: only black and white remain.
    expect([channels[0]!.min, channels[0]!.max]).toEqual([0, 255])
  })

  it('finds the three TD1 lines on a card', async () => {
    const band = await cropMrzBand(await renderMrzPage(td1Lines(fields), { width: 1012, height: 638 }), 100_000_000)
    expect(band).toMatchObject({ located: true, lineCount: 3 })
  })

  it('falls back to the bottom of the page when no MRZ-like lines exist', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#d9cbb5' } })
      .composite([{ input: { create: { width: 300, height: 500, channels: 3, background: '#334155' } }, left: 100, top: 200 }])
      .jpeg()
      .toBuffer()
    const band = await cropMrzBand(photo, 100_000_000)
    expect(band).toMatchObject({ located: false, lineCount: 0 })
  })

  it('may take long printed rows for MRZ lines; the OCR cleaning then refuses them', async () => {
    // Documented behaviour: location is a cheap first cut, the 44/30-character shape is the real test.
    const band = await cropMrzBand(await renderDocument('back'), 100_000_000)
    expect(band.located).toBe(true)
  })
})

describe('otsu', () => {
  it('splits a two-level image between the levels', () => {
    const pixels = new Uint8Array(1000).map((_, i) => (i % 3 === 0 ? 30 : 220))
    const t = otsu(pixels)
    expect(t).toBeGreaterThan(30)
    expect(t).toBeLessThanOrEqual(220)
  })
})
