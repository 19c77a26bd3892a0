import type { AcceptedFormat, NormalizeFailure } from './types'

export type SniffResult = { ok: true; format: AcceptedFormat } | { ok: false; reason: NormalizeFailure }

const startsWith = (buf: Buffer, bytes: readonly number[], at = 0): boolean =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b)

const ascii = (buf: Buffer, start: number, end: number): string => buf.toString('latin1', start, end)

// ISO BMFF brands: HEIC/HEIF as iPhones write them, and AVIF, which sharp could decode but the
// platform is not asked to accept.
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2'])
const avifBrands = new Set(['avif', 'avis'])

/**
 * Judges the format by its magic bytes, never by the file name, so a PDF renamed `.jpg` or an
 * iPhone HEIC renamed `.jpeg` is refused with the right explanation before any decoder runs.
 * Only the four accepted formats ever reach sharp, which also keeps SVG (external references)
 * and PDF rendering out of the decoder entirely.
 */
export function sniffFormat(buf: Buffer): SniffResult {
  if (buf.length === 0) return { ok: false, reason: { code: 'empty-file' } }
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { ok: true, format: 'jpeg' }
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, format: 'png' }
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 12) === 'WEBP') return { ok: true, format: 'webp' }
  // Classic TIFF (42) and BigTIFF (43), both byte orders.
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return { ok: true, format: 'tiff' }
  if (startsWith(buf, [0x49, 0x49, 0x2b, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2b])) return { ok: true, format: 'tiff' }

  if (ascii(buf, 4, 8) === 'ftyp') {
    const brands = [ascii(buf, 8, 12)]
    const boxSize = buf.length >= 4 ? buf.readUInt32BE(0) : 0
    for (let at = 16; at + 4 <= Math.min(boxSize, buf.length, 64); at += 4) brands.push(ascii(buf, at, at + 4))
    if (brands.some((b) => avifBrands.has(b))) return { ok: false, reason: { code: 'unsupported-format', format: 'avif' } }
    if (brands.some((b) => heifBrands.has(b))) return { ok: false, reason: { code: 'heic-unsupported' } }
    return { ok: false, reason: { code: 'not-an-image' } }
  }
  // PDF allows junk before the header; readers look within the first kilobyte.
  if (ascii(buf, 0, Math.min(buf.length, 1024)).includes('%PDF-')) return { ok: false, reason: { code: 'pdf-unsupported' } }
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') return { ok: false, reason: { code: 'unsupported-format', format: 'gif' } }
  if (ascii(buf, 0, 2) === 'BM' && buf.length >= 26) return { ok: false, reason: { code: 'unsupported-format', format: 'bmp' } }
  if (startsWith(buf, [0x00, 0x00, 0x01, 0x00])) return { ok: false, reason: { code: 'unsupported-format', format: 'ico' } }
  if (startsWith(buf, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(buf, [0xff, 0x4f, 0xff, 0x51])) {
    return { ok: false, reason: { code: 'unsupported-format', format: 'jpeg2000' } }
  }
  if (startsWith(buf, [0xff, 0x0a]) || startsWith(buf, [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) {
    return { ok: false, reason: { code: 'unsupported-format', format: 'jpeg-xl' } }
  }
  const head = buf.toString('utf8', 0, Math.min(buf.length, 512)).replace(/^\uFEFF/, '').trimStart().toLowerCase()
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) {
    return { ok: false, reason: { code: 'unsupported-format', format: 'svg' } }
  }
  return { ok: false, reason: { code: 'not-an-image' } }
}
