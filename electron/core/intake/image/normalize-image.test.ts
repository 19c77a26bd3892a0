import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { endsEarly, normalizeImage } from './normalize-image'
import { normalizeLimitsSchema } from './options'
import { sniffFormat } from './sniff-format'
import { buildCorpus, type Corpus } from './test-fixtures/corpus'

const limits = normalizeLimitsSchema.parse({})
const normalize = (input: Buffer, overrides: Partial<typeof limits> = {}) => normalizeImage(input, { ...limits, ...overrides }, 250)

let corpus: Corpus
beforeAll(async () => {
  corpus = await buildCorpus()
})

async function expectOk(input: Buffer) {
  const result = await normalize(input)
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.reason)}`)
  return result.image
}

describe('bad inputs give a typed reason and never throw', () => {
  it.each([
    ['zeroBytes', 'empty-file'],
    ['truncatedJpeg', 'truncated'],
    ['pdfNamedJpg', 'pdf-unsupported'],
    ['heic', 'heic-unsupported'],
    ['randomBytes', 'not-an-image'],
    ['textFile', 'not-an-image'],
    ['svg', 'unsupported-format'],
    ['gif', 'unsupported-format'],
    ['pngBomb', 'too-many-pixels'],
  ] as const)('%s -> %s', async (name, code) => {
    const result = await normalize(corpus[name])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason.code).toBe(code)
  })

  it('names the claimed size of a decompression bomb without decoding it', async () => {
    expect(corpus.pngBomb.length).toBeLessThan(64 * 1024)
    const result = await normalize(corpus.pngBomb)
    expect(result).toEqual({ ok: false, reason: { code: 'too-many-pixels', width: 12_000, height: 12_000, maxPixels: 100_000_000 } })
  })

  it('applies a configured pixel limit to ordinary images too', async () => {
    const result = await normalize(corpus.front, { maxInputPixels: 1_000_000 })
    expect(result).toMatchObject({ ok: false, reason: { code: 'too-many-pixels', width: 1600, height: 1000 } })
  })

  it('refuses files over the size limit before decoding', async () => {
    const result = await normalize(corpus.front, { maxFileBytes: 1000 })
    expect(result).toEqual({ ok: false, reason: { code: 'file-too-large', bytes: corpus.front.length, maxBytes: 1000 } })
  })

  it('calls a JPEG header followed by garbage corrupt or truncated', async () => {
    const garbage = Buffer.concat([corpus.front.subarray(0, 600), Buffer.alloc(5000, 0x55)])
    const result = await normalize(garbage)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(['corrupt', 'truncated']).toContain(result.reason.code)
  })

  it('calls a PNG with a damaged image stream corrupt or truncated', async () => {
    const png = Buffer.from(corpus.transparentPng)
    png.fill(0x00, 200, 2000)
    const result = await normalize(png)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(['corrupt', 'truncated']).toContain(result.reason.code)
  })
})

describe('good inputs become a clean sRGB JPEG', () => {
  it.each(['front', 'rotated', 'cmykJpeg', 'png16', 'transparentPng', 'tiff', 'webp', 'huge'] as const)(
    '%s: baseline JPEG, 3 channels sRGB, 8 bits, no metadata at all, hash of the bytes',
    async (name) => {
      const image = await expectOk(corpus[name])
      expect(sniffFormat(image.jpeg)).toEqual({ ok: true, format: 'jpeg' })
      const meta = await sharp(image.jpeg).metadata()
      expect(meta).toMatchObject({ format: 'jpeg', space: 'srgb', channels: 3, depth: 'uchar', width: image.width, height: image.height })
      expect(meta.exif).toBeUndefined()
      expect(meta.icc).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.iptc).toBeUndefined()
      expect(meta.orientation).toBeUndefined()
      expect(meta.hasProfile).toBe(false)
      expect(image.sha256).toBe(createHash('sha256').update(image.jpeg).digest('hex'))
    },
  )

  it('reports the source format by content', async () => {
    const formats = await Promise.all((['front', 'png16', 'tiff', 'webp'] as const).map(async (n) => (await expectOk(corpus[n])).sourceFormat))
    expect(formats).toEqual(['jpeg', 'png', 'tiff', 'webp'])
  })

  it('applies EXIF orientation 6 (dimensions swap) and drops the camera, GPS and ICC data', async () => {
    const source = await sharp(corpus.rotated).metadata()
    expect(source).toMatchObject({ width: 1200, height: 750, orientation: 6 })
    expect(source.exif?.toString('latin1')).toContain('owner-secret')
    const image = await expectOk(corpus.rotated)
    expect([image.width, image.height]).toEqual([750, 1200])
    expect([image.sourceWidth, image.sourceHeight]).toEqual([750, 1200])
    expect(image.jpeg.toString('latin1')).not.toMatch(/owner-secret|TestPhone|GPS|Exif|ICC_PROFILE/)
  })

  it('resizes to the long-side limit and never enlarges', async () => {
    const huge = await expectOk(corpus.huge)
    expect([huge.width, huge.height, huge.sourceWidth, huge.sourceHeight]).toEqual([2000, 1250, 4000, 2500])
    const small = await expectOk(corpus.small)
    expect([small.width, small.height]).toEqual([640, 400])
    const capped = await normalize(corpus.front, { maxLongSide: 800 })
    expect(capped.ok && [capped.image.width, capped.image.height]).toEqual([800, 500])
  })

  it('converts CMYK to sRGB with the colours intact', async () => {
    const fromCmyk = await expectOk(corpus.cmykJpeg)
    const fromRgb = await expectOk(corpus.front)
    const stats = async (jpeg: Buffer) => (await sharp(jpeg).stats()).channels.map((c) => c.mean)
    const [cmykMeans, rgbMeans] = await Promise.all([stats(fromCmyk.jpeg), stats(fromRgb.jpeg)])
    cmykMeans.forEach((mean, i) => expect(Math.abs(mean - rgbMeans[i]!)).toBeLessThan(12))
  })

  it('honours an embedded ICC profile (Display P3) when converting to sRGB, then drops it', async () => {
    const p3 = await sharp({ create: { width: 1000, height: 700, channels: 3, background: { r: 40, g: 200, b: 60 } } })
      .withIccProfile('p3')
      .jpeg({ quality: 100 })
      .toBuffer()
    const stored = await sharp(p3, { ignoreIcc: true }).raw().toBuffer()
    expect(stored[0]).toBeGreaterThan(80) // the file holds P3 values, not the sRGB ones
    const image = await expectOk(p3)
    const { data } = await sharp(image.jpeg).extract({ left: 500, top: 350, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    ;[40, 200, 60].forEach((v, i) => expect(Math.abs(data[i]! - v)).toBeLessThanOrEqual(3))
  })

  it('takes the first page of a multi-page TIFF', async () => {
    expect((await sharp(corpus.tiff).metadata()).pages).toBe(2)
    const image = await expectOk(corpus.tiff)
    expect([image.width, image.height]).toEqual([600, 600])
    const { data } = await sharp(image.jpeg).extract({ left: 300, top: 300, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    expect(data[0]).toBeGreaterThan(180) // red page, not the blue second page
    expect(data[2]).toBeLessThan(70)
  })

  it('flattens transparency onto white', async () => {
    const corner = await sharp(corpus.transparentPng).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer()
    expect(corner[3]).toBe(0) // the source really is transparent there
    const image = await expectOk(corpus.transparentPng)
    const { data } = await sharp(image.jpeg).extract({ left: 0, top: 0, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    expect([...data].every((v) => v > 245)).toBe(true)
  })

  it('is deterministic: the same input gives the same bytes and hash', async () => {
    const [a, b] = await Promise.all([expectOk(corpus.front), expectOk(corpus.front)])
    expect(a.sha256).toBe(b.sha256)
  })
})

describe('endsEarly', () => {
  it('tells a cut-off JPEG or PNG by its missing end marker, whatever libvips said', () => {
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7), Buffer.from([0xff, 0xd9])])
    expect(endsEarly(jpeg, 'jpeg')).toBe(false)
    expect(endsEarly(jpeg.subarray(0, 100), 'jpeg')).toBe(true)
    const png = Buffer.concat([Buffer.alloc(100, 1), Buffer.from('IEND', 'latin1'), Buffer.alloc(4)])
    expect(endsEarly(png, 'png')).toBe(false)
    expect(endsEarly(png.subarray(0, 60), 'png')).toBe(true)
    expect(endsEarly(Buffer.alloc(10), 'webp')).toBe(false)
  })
})
