import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { acceptedImageName } from './page/upload-names'
import type { UploadedFolder, UploadedManifest } from '../core/intake/import-session'
import { checkImageName } from '../core/intake/import/image-path'
import { uploadedName } from '../core/intake/import'
import { defaultManifestLimits } from '../core/intake/import/read-manifest'

/**
 * Browser mode's batch import files, kept in memory only (no plaintext copy of a customer's scan
 * lands on disk): the page announces what it will send, sends each file, then names the upload
 * in its `import:choose` call, which takes it. Untaken uploads go after a while.
 */
export const uploadLimits = {
  manifestBytes: defaultManifestLimits.maxBytes,
  /** The batch importer's own cap on one image file. */
  imageBytes: 25 * 1024 * 1024,
  /** 500 customers' three scans; a larger batch is for the desktop app or `kyc-desk import`. */
  folderFiles: 1500,
  folderBytes: 1024 * 1024 * 1024,
  /** Uploads in flight at once (two tabs, a retried pick); the oldest goes first. */
  pending: 3,
  lifetimeMs: 15 * 60_000,
} as const

export const announceSchema = z
  .object({
    kind: z.enum(['manifest', 'folder']),
    /** The manifest's file name, or the folder's. */
    name: z.string().min(1).max(255),
    files: z.array(z.object({ name: z.string().min(1).max(1024), size: z.number().int().nonnegative() }).strict()).max(100_000),
  })
  .strict()
export type UploadAnnouncement = z.infer<typeof announceSchema>

export type UploadRefusal = { readonly status: 400 | 404 | 409 | 413; readonly code: string; readonly message: string }

interface Upload {
  readonly announced: UploadAnnouncement
  readonly received: Array<Buffer | null>
  readonly expires: NodeJS.Timeout
}

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`

/** Why an announced upload is refused before a byte is sent; null when it may come. */
export function judgeAnnouncement(announced: UploadAnnouncement): UploadRefusal | null {
  const { files } = announced
  if (announced.kind === 'manifest') {
    const [file] = files
    if (!file || files.length !== 1) return { status: 400, code: 'BAD_UPLOAD', message: 'Choose one manifest file (选择一个清单文件)' }
    if (file.size > uploadLimits.manifestBytes) {
      return { status: 413, code: 'UPLOAD_TOO_LARGE', message: `The manifest is larger than ${megabytes(uploadLimits.manifestBytes)} (清单文件过大)` }
    }
    return null
  }
  if (files.length === 0) {
    return { status: 400, code: 'NO_IMAGES', message: 'This folder has no JPEG, PNG, WebP or TIFF images (文件夹中没有图片)' }
  }
  if (files.length > uploadLimits.folderFiles) {
    return {
      status: 413,
      code: 'TOO_MANY_FILES',
      message: `The folder has ${files.length} images; the browser takes at most ${uploadLimits.folderFiles} at once. Split the batch, or import it with the desktop app or "kyc-desk import" (图片过多，请分批导入)`,
    }
  }
  const names = new Set<string>()
  let total = 0
  for (const file of files) {
    if (checkImageName(file.name) || !acceptedImageName(file.name)) {
      return { status: 400, code: 'NOT_AN_IMAGE', message: `"${file.name}" is not a JPEG, PNG, WebP or TIFF image (不是图片文件)` }
    }
    if (file.size > uploadLimits.imageBytes) {
      return { status: 413, code: 'UPLOAD_TOO_LARGE', message: `"${file.name}" is larger than ${megabytes(uploadLimits.imageBytes)} (图片过大)` }
    }
    const key = uploadedName(file.name)
    if (names.has(key)) return { status: 400, code: 'BAD_UPLOAD', message: `"${file.name}" is listed twice (文件重复)` }
    names.add(key)
    total += file.size
  }
  if (total > uploadLimits.folderBytes) {
    return { status: 413, code: 'UPLOAD_TOO_LARGE', message: `The images add up to more than ${megabytes(uploadLimits.folderBytes)}; split the batch (图片总量过大，请分批导入)` }
  }
  return null
}

export class UploadStore {
  private readonly uploads = new Map<string, Upload>()

  announce(announced: UploadAnnouncement): { ok: true; id: string } | { ok: false; refusal: UploadRefusal } {
    const refusal = judgeAnnouncement(announced)
    if (refusal) return { ok: false, refusal }
    while (this.uploads.size >= uploadLimits.pending) this.drop([...this.uploads.keys()][0] ?? '')
    const id = randomBytes(16).toString('hex')
    const expires = setTimeout(() => this.drop(id), uploadLimits.lifetimeMs)
    expires.unref()
    this.uploads.set(id, { announced, received: announced.files.map(() => null), expires })
    return { ok: true, id }
  }

  /** One announced file's bytes; anything but the announced size drops the whole upload. */
  receive(id: string, index: number, bytes: Buffer): UploadRefusal | null {
    const upload = this.uploads.get(id)
    const file = upload?.announced.files[index]
    if (!upload || !file) return { status: 404, code: 'NOT_FOUND', message: 'This upload is gone; choose the files again (请重新选择)' }
    if (bytes.length !== file.size) {
      this.drop(id)
      return { status: 400, code: 'BAD_UPLOAD', message: `"${file.name}" arrived incomplete; choose the files again (上传不完整)` }
    }
    upload.received[index] = bytes
    return null
  }

  /** Hands a complete upload of the expected kind over once, and forgets it. */
  take(id: string, kind: 'manifest'): UploadedManifest | UploadRefusal
  take(id: string, kind: 'folder'): UploadedFolder | UploadRefusal
  take(id: string, kind: 'manifest' | 'folder'): UploadedManifest | UploadedFolder | UploadRefusal {
    const upload = this.uploads.get(id)
    if (!upload || upload.announced.kind !== kind) return { status: 404, code: 'NOT_FOUND', message: 'This upload is gone; choose the files again (请重新选择)' }
    const files: Array<[string, Buffer]> = []
    for (const [index, bytes] of upload.received.entries()) {
      const file = upload.announced.files[index]
      if (!bytes || !file) return { status: 409, code: 'BAD_UPLOAD', message: 'Not every file arrived; choose the files again (上传不完整)' }
      files.push([uploadedName(file.name), bytes])
    }
    this.drop(id)
    const { name } = upload.announced
    const [first] = files
    if (kind === 'manifest' && first) return { kind: 'uploaded-manifest', name, bytes: first[1] }
    return { kind: 'uploaded-folder', name, files: new Map(files) }
  }

  private drop(id: string): void {
    const upload = this.uploads.get(id)
    if (upload) clearTimeout(upload.expires)
    this.uploads.delete(id)
  }

  close(): void {
    for (const id of [...this.uploads.keys()]) this.drop(id)
  }
}
