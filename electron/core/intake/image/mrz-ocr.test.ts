import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createMrzReader, defaultOcrLangPath } from './mrz-ocr'
import { renderDocument } from './test-fixtures/documents'
import { degrade, renderMrzPage, td1Lines, td3Lines } from './test-fixtures/passport-page'

// Real state codes: the `mrz` package rejects the ICAO specimens' fictional UTO.
const zhang = { country: 'CHN', surname: 'ZHANG', givenNames: 'SAN', number: 'E12345678', nationality: 'CHN', birth: '850101', sex: 'M' as const, expiry: '300101' }

const reader = createMrzReader({ maxInputPixels: 100_000_000 })
afterAll(() => reader.terminate())

const matching = (got: string[], want: string[]): number => {
  const a = got.join('')
  const b = want.join('')
  return [...b].filter((c, i) => a[i] === c).length / b.length
}

describe('MRZ OCR (legacy tesseract engine, offline model)', () => {
  it('uses the model file shipped in node_modules', () => {
    expect(existsSync(join(defaultOcrLangPath(), 'eng.traineddata.gz'))).toBe(true)
  })

  it('reads a clean TD3 passport page exactly', async () => {
    const lines = td3Lines(zhang)
    const result = await reader.read(await renderMrzPage(lines))
    expect(result).toMatchObject({ ok: true, format: 'TD3', lines, complete: true, bandLocated: true })
  })

  it('reads a TD1 card (three lines of 30) exactly', async () => {
    const lines = td1Lines(zhang)
    const result = await reader.read(await renderMrzPage(lines, { width: 1012, height: 638 }))
    expect(result).toMatchObject({ ok: true, format: 'TD1', lines, complete: true })
  })

  it('reads a smaller, softer, recompressed phone shot nearly right, with the right shape', async () => {
    const lines = td3Lines(zhang)
    const result = await reader.read(await degrade(await renderMrzPage(lines), 1000, 0.8, 70))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.complete).toBe(true)
    expect(matching(result.lines, lines)).toBeGreaterThanOrEqual(0.95)
  })

  it('finds no MRZ on a document side that has none', async () => {
    const result = await reader.read(await renderDocument('back'))
    expect(result).toMatchObject({ ok: false, reason: { code: 'mrz-not-found' } })
  })

  it('gives a typed reason for an unreadable image', async () => {
    const result = await reader.read(Buffer.from('not an image'))
    expect(result).toMatchObject({ ok: false, reason: { code: 'image-unreadable' } })
  })

  it('starts again after terminate, and writes no model cache into the working directory', async () => {
    await reader.terminate()
    const lines = td3Lines({ ...zhang, surname: 'LI', givenNames: 'XIAO MING', number: 'G98765432' })
    const result = await reader.read(await renderMrzPage(lines))
    expect(result).toMatchObject({ ok: true, lines })
    expect(readdirSync(process.cwd()).filter((f) => f.includes('traineddata'))).toEqual([])
  })
})
