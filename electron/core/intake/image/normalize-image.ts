import { createHash } from 'node:crypto'
import sharp from 'sharp'
import type { Sha256Hex } from '../../../../shared/domain/images'
import { measure } from './metrics'
import type { NormalizeLimits } from './options'
import { sniffFormat } from './sniff-format'
import type { AcceptedFormat, NormalizedImage, NormalizeFailure } from './types'

/** Long side of the greyscale copy the metrics are taken from; fixed so thresholds do not depend on resolution. */
export const metricsLongSide = 1000

export type NormalizeOutcome = { ok: true; image: NormalizedImage } | { ok: false; reason: NormalizeFailure }

const sharpFormats: Record<AcceptedFormat, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', tiff: 'tiff' }

/**
 * Decodes untrusted bytes once into upright, sRGB, resized raw pixels, then derives both the
 * stored JPEG and the quality metrics from that one buffer. Never throws: every way an input
 * can fail is a typed reason.
 */
export async function normalizeImage(
  input: Buffer,
  limits: NormalizeLimits,
  glareLevel: number,
): Promise<NormalizeOutcome> {
  if (input.length > limits.maxFileBytes) {
    return { ok: false, reason: { code: 'file-too-large', bytes: input.length, maxBytes: limits.maxFileBytes } }
  }
  const sniffed = sniffFormat(input)
  if (!sniffed.ok) return sniffed
  const seen: SeenSize = {}
  try {
    return await decodeAndEncode(input, sniffed.format, limits, glareLevel, seen)
  } catch (error) {
    const reason = classifyDecodeError(error, seen, limits.maxInputPixels)
    // libvips words the same cut-off file differently from run to run; the bytes do not lie.
    if (reason.code === 'corrupt' && endsEarly(input, sniffed.format)) return { ok: false, reason: { code: 'truncated', detail: reason.detail } }
    return { ok: false, reason }
  }
}

/** A JPEG without its end-of-image marker, or a PNG without its IEND chunk, was cut off. */
export function endsEarly(input: Buffer, format: string): boolean {
  const tail = input.subarray(Math.max(0, input.length - 64))
  if (format === 'jpeg') return tail.indexOf(Buffer.from([0xff, 0xd9])) === -1
  if (format === 'png') return tail.indexOf(Buffer.from('IEND', 'latin1')) === -1
  return false
}

/** The header size, once known, so a late pixel-limit error can still name it. */
interface SeenSize {
  width?: number
  height?: number
}

async function decodeAndEncode(
  input: Buffer,
  format: AcceptedFormat,
  limits: NormalizeLimits,
  glareLevel: number,
  seen: SeenSize,
): Promise<NormalizeOutcome> {
  // The header is read without the pixel limit (no pixels are decoded for it) so a bomb can be
  // refused with its claimed size; the decoder below still enforces the limit itself.
  const header = await sharp(input, { limitInputPixels: false, pages: 1, page: 0 }).metadata()
  if (header.format !== sharpFormats[format]) {
    return { ok: false, reason: { code: 'corrupt', detail: `content looks like ${format} but decodes as ${header.format}` } }
  }
  const sourceWidth = header.autoOrient.width
  const sourceHeight = header.autoOrient.height
  seen.width = sourceWidth
  seen.height = sourceHeight
  // Checked here as well as by sharp so the reason can name the dimensions.
  if (sourceWidth * sourceHeight > limits.maxInputPixels) {
    return { ok: false, reason: { code: 'too-many-pixels', width: sourceWidth, height: sourceHeight, maxPixels: limits.maxInputPixels } }
  }

  // failOn 'error' stops on truncation and broken entropy data but tolerates the harmless
  // warnings many phone JPEGs carry. pages: 1 takes the first page of a multi-page scan. An
  // embedded ICC profile (Display P3, Adobe RGB, CMYK) is applied by the sRGB conversion.
  const { data: rgb, info } = await sharp(input, { failOn: 'error', limitInputPixels: limits.maxInputPixels, autoOrient: true, pages: 1, page: 0 })
    .resize({ width: limits.maxLongSide, height: limits.maxLongSide, fit: 'inside', withoutEnlargement: true })
    // Transparent PNG/WebP: documents read best on white, not on JPEG's implicit black.
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } } as const

  // Both derive from the decoded pixels, so the source is decoded once; libvips runs them side by side.
  const [jpeg, grey] = await Promise.all([
    // Raw input carries no metadata, so nothing from the source (EXIF, GPS, ICC, XMP) can leak through.
    sharp(rgb, raw).jpeg({ quality: limits.jpegQuality, mozjpeg: false, chromaSubsampling: '4:2:0' }).toBuffer(),
    sharp(rgb, raw)
      .greyscale()
      .resize({ width: metricsLongSide, height: metricsLongSide, fit: 'inside' })
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true }),
  ])
  if (grey.info.channels !== 1) throw new Error(`expected 1 grey channel, got ${grey.info.channels}`)
  const metrics = measure({ data: grey.data, width: grey.info.width, height: grey.info.height }, glareLevel)

  return {
    ok: true,
    image: {
      jpeg,
      sha256: createHash('sha256').update(jpeg).digest('hex') as Sha256Hex,
      width: info.width,
      height: info.height,
      sourceFormat: format,
      sourceWidth,
      sourceHeight,
      sourceBytes: input.length,
      metrics,
    },
  }
}

const truncationPatterns = /premature end|truncat|unexpected end|end of (file|stream|data)|not enough data|short read|read error/i

/** libvips reports failures only as text; sort them into the two reasons an operator can act on. */
export function classifyDecodeError(error: unknown, seen: SeenSize, maxPixels: number): NormalizeFailure {
  const message = error instanceof Error ? error.message : String(error)
  const detail = message.replace(/\s+/g, ' ').trim().slice(0, 200)
  if (/pixel limit/i.test(message)) {
    return { code: 'too-many-pixels', width: seen.width ?? 0, height: seen.height ?? 0, maxPixels }
  }
  if (truncationPatterns.test(message)) return { code: 'truncated', detail }
  return { code: 'corrupt', detail }
}
