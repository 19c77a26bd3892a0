import { createHash } from 'node:crypto'
import { existsSync, readFileSync, unlinkSync } from 'node:fs'
import { mkdir, opendir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { sha256HexSchema, type Sha256Hex } from '../../../shared/domain/images'
import { fsyncDir, isCode, TEMP_SUFFIX, writeFileAtomic } from './atomic-write'
import type { Vault } from './vault'

export interface ImageStoreOptions {
  /** `<dataDir>/images` */
  readonly dir: string
  readonly vault: Vault
  /** Whether any applicant row names this image; deletion and sweeping ask it. */
  readonly isReferenced: (sha256: Sha256Hex) => boolean
  readonly now?: () => number
  /** Where each image's Content-MD5 is kept once computed (the database); without it, computed at each read. */
  readonly digests?: ImageDigests
}

export interface ImageDigests {
  record(sha256: Sha256Hex, md5: string): void
  md5Of(sha256: Sha256Hex): string | undefined
  forget(sha256: Sha256Hex): void
}

/** An image as the uploader sends it: the JPEG and its base64 MD5 for the Content-MD5 header. */
export interface UploadImage {
  readonly bytes: Buffer
  readonly contentMd5: string
}

const md5Base64 = (bytes: Buffer) => createHash('md5').update(bytes).digest('base64')

export type DeleteOutcome = 'deleted' | 'referenced' | 'missing'

/** Where an image's sealed file lives under the images folder (backups copy the layout as it is). */
export function imageFilePath(imagesDir: string, sha256: string): string {
  return join(imagesDir, sha256.slice(0, 2), `${sha256}.bin`)
}

/**
 * Encrypted, content-addressed image files: `<dir>/<first 2 hex>/<sha256>.bin`.
 *
 * The name is the SHA-256 of the plaintext JPEG. It reveals which applicants share an image and
 * lets someone who already holds an exact copy of an image confirm it is stored here; it reveals
 * nothing of the content. That is accepted because the same hash is needed in clear for
 * deduplication and reference counting, and the deterministic OSS object key embeds it anyway.
 * (A keyed HMAC of the content would close the confirmation case if that ever matters.)
 *
 * Only one image is held in memory at a time per call, so a batch streams image by image.
 */
export class ImageStore {
  private readonly now: () => number

  constructor(private readonly options: ImageStoreOptions) {
    this.now = options.now ?? Date.now
  }

  pathFor(sha256: Sha256Hex): string {
    return imageFilePath(this.options.dir, sha256)
  }

  has(sha256: Sha256Hex): boolean {
    return existsSync(this.pathFor(sha256))
  }

  /** Idempotent: storing bytes already present only returns their hash. */
  async put(jpeg: Buffer): Promise<Sha256Hex> {
    const sha256 = sha256HexSchema.parse(createHash('sha256').update(jpeg).digest('hex'))
    if (!this.has(sha256)) {
      await mkdir(join(this.options.dir, sha256.slice(0, 2)), { recursive: true, mode: 0o700 })
      // Exclusive: a concurrent put of the same image already wrote identical content.
      await writeFileAtomic(this.pathFor(sha256), this.options.vault.sealFile(jpeg, sha256), { exclusive: true })
    }
    // Digested now, while the bytes are at hand, so the sync engine need not hash them again;
    // recorded once the file exists, so no digest outlives a write that failed.
    this.recordDigest(sha256, md5Base64(jpeg))
    return sha256
  }

  /** Best effort: a digest that could not be recorded (the database busy) is computed at upload. */
  private recordDigest(sha256: Sha256Hex, md5: string): void {
    try {
      this.options.digests?.record(sha256, md5)
    } catch {
      // Nothing is lost: readForUpload hashes the image when it finds no digest.
    }
  }

  /**
   * Decrypts an image. A bit flip, a truncated file or a file swapped for another image fails
   * here, loudly (DecryptionError): AES-GCM authenticates the content together with its name,
   * which is in the associated data. So the content is not hashed again: a file whose content
   * does not hash to its name could only have been sealed by code holding the data key, and
   * `put`, the one place that seals images, names each by the hash of what it seals.
   */
  async get(sha256: Sha256Hex): Promise<Buffer> {
    return this.options.vault.openFile(readFileSync(this.pathFor(sha256)), sha256)
  }

  /** An image and its Content-MD5, as recorded when it was stored (computed here for older images). */
  async readForUpload(sha256: Sha256Hex): Promise<UploadImage> {
    const bytes = await this.get(sha256)
    const known = this.options.digests?.md5Of(sha256)
    if (known !== undefined) return { bytes, contentMd5: known }
    const contentMd5 = md5Base64(bytes)
    this.recordDigest(sha256, contentMd5)
    return { bytes, contentMd5 }
  }

  /**
   * Synchronous on purpose: the reference check and the unlink happen in one turn of the event
   * loop, so no other code in this process can add a reference in between. (The applicant
   * service checks that its files exist in the same turn as it commits their rows.)
   */
  deleteIfUnreferenced(sha256: Sha256Hex): DeleteOutcome {
    if (this.options.isReferenced(sha256)) return 'referenced'
    try {
      unlinkSync(this.pathFor(sha256))
      this.options.digests?.forget(sha256)
      return 'deleted'
    } catch (error) {
      if (isCode(error, 'ENOENT')) {
        this.options.digests?.forget(sha256)
        return 'missing'
      }
      throw error
    }
  }

  /**
   * Removes leftovers of a crash: temp files (never referenced: rows only name final files) and
   * images no applicant references. `graceMs` spares files a put in progress may be about to
   * reference; pass 0 at start-up before anything else runs.
   */
  async sweep(graceMs: number): Promise<{ tempFiles: number; orphans: number }> {
    const cutoff = this.now() - graceMs
    let tempFiles = 0
    let orphans = 0
    let shards
    try {
      shards = await opendir(this.options.dir)
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { tempFiles, orphans }
      throw error
    }
    for await (const shard of shards) {
      if (!shard.isDirectory() || !/^[0-9a-f]{2}$/.test(shard.name)) continue
      const shardDir = join(this.options.dir, shard.name)
      let removedHere = false
      for await (const entry of await opendir(shardDir)) {
        const path = join(shardDir, entry.name)
        const isTemp = entry.name.endsWith(TEMP_SUFFIX)
        const sha = /^([0-9a-f]{64})\.bin$/.exec(entry.name)?.[1]
        if (!isTemp && !sha) continue
        if ((await stat(path)).mtimeMs > cutoff) continue
        if (isTemp) {
          await rm(path, { force: true })
          tempFiles += 1
          removedHere = true
        } else if (sha && this.deleteIfUnreferenced(sha) === 'deleted') {
          orphans += 1
          removedHere = true
        }
      }
      if (removedHere) await fsyncDir(shardDir)
    }
    return { tempFiles, orphans }
  }
}
