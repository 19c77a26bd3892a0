import { describe, expect, it } from 'vitest'
import { sniffFormat } from './sniff-format'

const bytes = (...parts: Array<string | number[]>): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))
const ftyp = (major: string, ...compatible: string[]): Buffer =>
  bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], ...compatible, 'rest of the file')

describe('sniffFormat judges content, not names', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR')],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['tiff', bytes('II', [0x2a, 0x00, 8, 0, 0, 0])],
    ['tiff', bytes('MM', [0x00, 0x2a, 0, 0, 0, 8])],
    ['tiff', bytes('II', [0x2b, 0x00, 8, 0, 0, 0])],
  ] as const)('accepts %s', (format, input) => {
    expect(sniffFormat(input)).toEqual({ ok: true, format })
  })

  it.each([
    ['zero bytes', Buffer.alloc(0), { code: 'empty-file' }],
    ['HEIC from an iPhone', ftyp('heic', 'mif1', 'heic'), { code: 'heic-unsupported' }],
    ['HEIF with only a compatible brand', ftyp('abcd', 'mif1'), { code: 'heic-unsupported' }],
    ['AVIF', ftyp('avif', 'mif1', 'avif'), { code: 'unsupported-format', format: 'avif' }],
    ['an MP4 video', ftyp('isom', 'mp41'), { code: 'not-an-image' }],
    ['PDF', bytes('%PDF-1.7\n'), { code: 'pdf-unsupported' }],
    ['PDF with junk before the header', bytes('\r\n\r\n  %PDF-1.4\n'), { code: 'pdf-unsupported' }],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), { code: 'unsupported-format', format: 'gif' }],
    ['BMP', bytes('BM', Array(40).fill(0) as number[]), { code: 'unsupported-format', format: 'bmp' }],
    ['SVG with a BOM', bytes([0xef, 0xbb, 0xbf], '  <svg xmlns="http://www.w3.org/2000/svg"/>'), { code: 'unsupported-format', format: 'svg' }],
    ['JPEG 2000', bytes([0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a]), { code: 'unsupported-format', format: 'jpeg2000' }],
    ['a CSV', bytes('uid,token\n1,abc\n'), { code: 'not-an-image' }],
    ['a ZIP (xlsx)', bytes('PK', [3, 4, 20, 0]), { code: 'not-an-image' }],
    ['two bytes of a JPEG', bytes([0xff, 0xd8]), { code: 'not-an-image' }],
  ] as const)('refuses %s', (_, input, reason) => {
    expect(sniffFormat(input)).toEqual({ ok: false, reason })
  })
})
