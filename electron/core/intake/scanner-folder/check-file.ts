import { open } from 'node:fs/promises'
import sharp from 'sharp'
import type { ImageSlot } from '../../../../shared/domain/images'
import type { ImageIntake, NormalizedImage, QualityVerdict } from '../image'
import { failureNote, note } from './messages'
import type { InboxNote } from './types'

export interface CheckDeps {
  readonly intake: Pick<ImageIntake, 'normalize'>
  readonly maxFileBytes: number
}

export type FileCheck = { ok: true; image: NormalizedImage; quality: QualityVerdict } | { ok: false; note: InboxNote }

/** Reads a dropped file (its size checked on the open handle, before reading) and runs it through the image pipeline. */
export async function checkScannerFile(path: string, name: string, slot: ImageSlot | null, deps: CheckDeps): Promise<FileCheck> {
  let bytes: Buffer
  try {
    const handle = await open(path, 'r')
    try {
      const { size } = await handle.stat()
      if (size > deps.maxFileBytes) {
        return { ok: false, note: failureNote(name, slot, { code: 'file-too-large', bytes: size, maxBytes: deps.maxFileBytes }) }
      }
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    return { ok: false, note: note({ code: 'file.unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'unknown' }) }
  }
  // The slot only shapes the wording of the messages; an unmatched file is judged as a document image.
  const result = await deps.intake.normalize(bytes, { slot: slot ?? 'front' })
  if (!result.ok) return { ok: false, note: failureNote(name, slot, result.reason) }
  return { ok: true, image: result.image, quality: result.quality }
}

/** A small preview for the inbox list, from the normalised (metadata-free, upright) JPEG. */
export function makeThumbnail(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).resize({ width: 320, height: 320, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer()
}
