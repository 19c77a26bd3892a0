import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeManifestText } from './decode-text'

const text = '姓,名,证件号码\r\n李,思远,110105199003151234\r\n'

describe('decodeManifestText', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    expect(decodeManifestText(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text, encoding: 'utf-8' })
    expect(decodeManifestText(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ ok: true, text, encoding: 'utf-8-bom' })
  })

  it('falls back to GB18030 when the bytes are not strict UTF-8 (Excel "CSV" on Chinese Windows)', () => {
    expect(decodeManifestText(iconv.encode(text, 'gb18030'))).toEqual({ ok: true, text, encoding: 'gb18030' })
    // Two Han characters whose GB18030 bytes are not valid UTF-8: a short text is where guessers fail.
    expect(decodeManifestText(iconv.encode('王芳', 'gb18030'))).toMatchObject({ ok: true, text: '王芳', encoding: 'gb18030' })
  })

  it('refuses binary garbage and UTF-16', () => {
    const garbage = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37) % 256))
    expect(decodeManifestText(garbage)).toEqual({ ok: false, problem: { code: 'manifest.not-text' } })
    expect(decodeManifestText(Buffer.from([0, 1, 2, 3]))).toEqual({ ok: false, problem: { code: 'manifest.not-text' } })
    expect(decodeManifestText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
      ok: false,
      problem: { code: 'manifest.utf16' },
    })
  })
})
