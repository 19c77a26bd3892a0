import { constants } from 'node:fs'
import { lstat, open } from 'node:fs/promises'
import sharp from 'sharp'
import type { ImageSlot } from '../../../../shared/domain/images'
import type { ImageIntake, NormalizedImage, QualityVerdict } from '../image'
import { sniffFormat } from '../image/sniff-format'
import { failureNote, note } from './messages'
import type { InboxNote } from './types'

export interface CheckDeps {
  readonly intake: Pick<ImageIntake, 'normalize'>
  readonly maxFileBytes: number
}

/** `image`: its bytes are an image's (of any format), so the operator may have kyc-desk delete it. */
export type FileCheck = { ok: true; image: NormalizedImage; quality: QualityVerdict } | { ok: false; note: InboxNote; image: boolean }

/** Image formats by their magic bytes, accepted or not: what a scanner saves, never a database or a key file. */
function looksLikeImage(head: Buffer): boolean {
  const sniffed = sniffFormat(head)
  return sniffed.ok || sniffed.reason.code === 'heic-unsupported' || sniffed.reason.code === 'unsupported-format'
}

// Not following a link at the last step (POSIX); the lstat and the handle's own stat cover Windows.
const openFlags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)

/**
 * Reads a dropped file and runs it through the image pipeline. Only a regular file is read: a
 * link (to the data folder, say), a folder or a device is refused before it is opened, and the
 * opened handle must be that same file. Its size is checked on the handle, before reading.
 */
export async function checkScannerFile(path: string, slot: ImageSlot | null, deps: CheckDeps): Promise<FileCheck> {
  const unreadable = (error: unknown): FileCheck => ({ ok: false, note: note({ code: 'file.unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'unknown' }), image: false })
  const notRegular: FileCheck = { ok: false, note: note({ code: 'file.not-regular' }), image: false }
  let bytes: Buffer
  try {
    const entry = await lstat(path)
    if (!entry.isFile()) return notRegular
    const handle = await open(path, openFlags)
    try {
      const opened = await handle.stat()
      if (!opened.isFile() || opened.ino !== entry.ino || opened.dev !== entry.dev) return notRegular
      if (opened.size > deps.maxFileBytes) {
        const head = Buffer.alloc(1024)
        const { bytesRead } = await handle.read(head, 0, head.length, 0)
        const image = looksLikeImage(head.subarray(0, bytesRead))
        return { ok: false, note: failureNote({ code: 'file-too-large', bytes: opened.size, maxBytes: deps.maxFileBytes }), image }
      }
      bytes = await handle.readFile()
    } finally {
      await handle.close()
    }
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? notRegular : unreadable(error)
  }
  // The slot only shapes the wording of the messages; an unmatched file is judged as a document image.
  const result = await deps.intake.normalize(bytes, { slot: slot ?? 'front' })
  if (!result.ok) return { ok: false, note: failureNote(result.reason), image: looksLikeImage(bytes) }
  return { ok: true, image: result.image, quality: result.quality }
}

/** A small preview for the inbox list, from the normalised (metadata-free, upright) JPEG. */
export function makeThumbnail(jpeg: Buffer): Promise<Buffer> {
  return sharp(jpeg).resize({ width: 320, height: 320, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer()
}
