import { crc32, deflateSync } from 'node:zlib'
import sharp from 'sharp'
import { renderDocument, renderDocumentPng } from './documents'

/** Deterministic pseudo-random bytes (LCG), so a failure reproduces. */
export function pseudoRandomBytes(length: number, seed = 42): Buffer {
  const out = Buffer.alloc(length)
  let state = seed >>> 0
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    out[i] = state >>> 24
  }
  return out
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * A valid PNG of `side` x `side` 1-bit pixels that deflates to a few kilobytes: what a
 * decompression bomb looks like (small file, enormous pixel count).
 */
export function pngBomb(side: number): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(side, 0)
  header.writeUInt32BE(side, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // greyscale
  const rows = Buffer.alloc(side * (1 + Math.ceil(side / 8)))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export const heicBytes = (): Buffer =>
  Buffer.concat([
    Buffer.from([0x00, 0x00, 0x00, 0x18]),
    Buffer.from('ftypheic', 'latin1'),
    Buffer.from([0x00, 0x00, 0x00, 0x00]),
    Buffer.from('mif1heic', 'latin1'),
    pseudoRandomBytes(2048, 7),
  ])

export const pdfBytes = (): Buffer =>
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')

/** A two-page TIFF: a red first page and a blue second page, as a document scanner's batch. */
export async function twoPageTiff(): Promise<Buffer> {
  const page = 600
  const pixels = Buffer.alloc(page * page * 2 * 3)
  for (let i = 0; i < page * page * 2; i++) {
    const firstPage = i < page * page
    pixels[i * 3] = firstPage ? 220 : 20
    pixels[i * 3 + 2] = firstPage ? 20 : 220
  }
  return sharp(pixels, { raw: { width: page, height: page * 2, channels: 3, pageHeight: page } })
    .tiff({ compression: 'lzw' })
    .toBuffer()
}

/** Orientation 6 (rotate 90° clockwise to view), with camera and GPS EXIF and a Display P3 profile to strip. */
export async function rotatedPhotoWithGps(): Promise<Buffer> {
  return sharp(await renderDocumentPng('front', 1200, 750))
    .withExif({
      IFD0: { Make: 'TestPhone', Model: 'X1', Copyright: 'owner-secret' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The 1600x1000 picture with its left 100 columns fully transparent. */
async function transparentEdge(png: Buffer): Promise<Buffer> {
  const alpha = Buffer.alloc(1600 * 1000, 255)
  for (let y = 0; y < 1000; y++) alpha.fill(0, y * 1600, y * 1600 + 100)
  // Two steps: within one pipeline sharp would apply removeAlpha after joinChannel.
  const rgb = await sharp(png).removeAlpha().raw().toBuffer()
  return sharp(rgb, { raw: { width: 1600, height: 1000, channels: 3 } })
    .joinChannel(alpha, { raw: { width: 1600, height: 1000, channels: 1 } })
    .png()
    .toBuffer()
}

/** Every generated input, named for the test table. */
export async function buildCorpus() {
  const front = await renderDocument('front')
  const frontPng = await renderDocumentPng('front')
  return {
    front,
    back: await renderDocument('back'),
    zeroBytes: Buffer.alloc(0),
    truncatedJpeg: front.subarray(0, Math.floor(front.length * 0.6)),
    pdfNamedJpg: pdfBytes(),
    heic: heicBytes(),
    randomBytes: pseudoRandomBytes(64 * 1024),
    textFile: Buffer.from('uid,token\n1001,abc\n', 'utf8'),
    svg: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    gif: await sharp(frontPng).resize(200).gif().toBuffer(),
    pngBomb: pngBomb(12_000),
    rotated: await rotatedPhotoWithGps(),
    blurred: await sharp(frontPng).blur(6).jpeg().toBuffer(),
    dark: await sharp(frontPng).linear(0.12, 0).jpeg().toBuffer(),
    overexposed: await sharp(frontPng).linear(0.2, 215).jpeg().toBuffer(),
    glare: await sharp(frontPng)
      .composite([{ input: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1000"><ellipse cx="700" cy="520" rx="260" ry="170" fill="#fff"/></svg>') }])
      .jpeg()
      .toBuffer(),
    small: await renderDocument('front', 640, 400),
    cmykJpeg: await sharp(frontPng).toColourspace('cmyk').jpeg().toBuffer(),
    png16: await sharp(frontPng).toColourspace('rgb16').png().toBuffer(),
    transparentPng: await transparentEdge(frontPng),
    tiff: await twoPageTiff(),
    webp: await sharp(frontPng).webp({ quality: 85 }).toBuffer(),
    huge: await sharp(frontPng).resize(4000).png().toBuffer(),
  }
}
export type Corpus = Awaited<ReturnType<typeof buildCorpus>>
