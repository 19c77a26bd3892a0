import { randomBytes } from 'node:crypto'
import type { ImageSlot } from '../../shared/domain/images'

/** About what a normalised 2000-pixel document JPEG weighs. */
export const IMAGE_BYTES = 400 * 1024
const JPEG_START = Buffer.from([0xff, 0xd8, 0xff, 0xe0])
const SLOT_INDEX: Record<ImageSlot, number> = { front: 0, back: 1, hand: 2 }

/**
 * Distinct, incompressible (as JPEG data is) images for any number of applicants without holding
 * them all: each is a window into one random pool at its own offset, so every image hashes
 * differently and the content-addressed image store cannot deduplicate them. The sandbox and the
 * store accept any bytes; the JPEG start marker is only for appearances.
 */
export class SampleImages {
  private readonly pool = randomBytes(16 * 1024 * 1024)

  image(applicant: number, slot: ImageSlot): Buffer {
    const span = this.pool.length - IMAGE_BYTES
    const offset = ((applicant * 3 + SLOT_INDEX[slot]) * 997) % span
    return Buffer.concat([JPEG_START, this.pool.subarray(offset, offset + IMAGE_BYTES - JPEG_START.length)])
  }
}
