import { randomBytes } from 'node:crypto'
import sharp from 'sharp'
import type { ImageSlot } from '../../shared/domain/images'
import { cardSvg, type CardPerson } from '../../electron/core/intake/import/test-fixtures/card-images'

/** 12 megapixels, as a phone camera or a document scanner at about 300 dpi delivers. */
export const SCAN_WIDTH = 4000
export const SCAN_HEIGHT = 3000
const CARD_SCALE = 3.6
/** Sensor noise: a few grey levels either way, enough that JPEG cannot flatten the paper. */
const NOISE_AMPLITUDE = 24

/** A document page as a scan shows it: the card drawn large on a grey scanner bed. */
function scanSvg(person: CardPerson, slot: ImageSlot): string {
  const card = cardSvg(person, slot).replace(/^<svg[^>]*>/, '').replace(/<\/svg>$/, '')
  const left = (SCAN_WIDTH - 1000 * CARD_SCALE) / 2
  const top = (SCAN_HEIGHT - 640 * CARD_SCALE) / 2
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SCAN_WIDTH}" height="${SCAN_HEIGHT}">
    <rect width="${SCAN_WIDTH}" height="${SCAN_HEIGHT}" fill="#bdb8ad"/>
    <g transform="translate(${left} ${top}) scale(${CARD_SCALE}) rotate(0.7 500 320)">${card}</g></svg>`
}

/** One noise field for every scan, read from a different offset each time so no two scans share it. */
const noise = randomBytes(SCAN_WIDTH * SCAN_HEIGHT * 3 + 65_536)

/**
 * Renders one scan as the scanner would write it: text and hard edges from the SVG, per-pixel
 * noise, JPEG at quality 90. The hand photo is stored sideways with EXIF orientation 6, as a
 * phone held upright writes it, so importing it must rotate.
 */
export async function renderScan(person: CardPerson, slot: ImageSlot, seed: number): Promise<Buffer> {
  const { data, info } = await sharp(Buffer.from(scanSvg(person, slot))).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const offset = (seed * 7919) % 65_536
  for (let i = 0; i < data.length; i++) {
    const v = (data[i] ?? 0) + (((noise[offset + i] ?? 128) * NOISE_AMPLITUDE) >> 8) - (NOISE_AMPLITUDE >> 1)
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v
  }
  const image = sharp(data, { raw: { width: info.width, height: info.height, channels: 3 } })
  if (slot === 'hand') return image.rotate(270).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer()
  return image.jpeg({ quality: 90 }).toBuffer()
}
