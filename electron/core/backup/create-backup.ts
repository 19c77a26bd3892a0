import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { open, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { DB_FILE } from '../queue/store'
import { IMAGES_DIR } from './manifest'
import { fsyncDir, isCode, tempPathFor } from '../vault/atomic-write'
import { DATA_KEY_FILE, DataKeyError, loadDataKey } from '../vault/data-key'
import { imageFilePath } from '../vault/image-store'
import type { KeyProvider } from '../vault/key-provider'
import { defaultKdf, encodeHeader, headerDigest, kdfParamsSchema, type BackupHeader } from './backup-format'
import { BackupRefusal } from './backup-refusal'
import { ChunkEncryptor } from './chunk-cipher'
import { checkNewPassphrase, derivePassphraseKey, type KdfParams } from './passphrase-key'
import { bytesEntry, endEntry, fileEntry } from './payload'
import { readSnapshotFacts, snapshotDatabase } from './snapshot'
import { imageEntryName, manifestName, type BackupManifest } from './manifest'

export interface CreateBackupOptions {
  readonly dataDir: string
  /** Defaults to `<dataDir>/kyc-desk.sqlite`. */
  readonly dbFile?: string
  /** Unwraps the data key, which travels inside the backup so another PC can wrap it under its own key. */
  readonly keyProvider: KeyProvider
  readonly passphrase: string
  /** The finished file; written under a temp name beside it and renamed only when complete. */
  readonly out: string
  readonly appVersion: string
  readonly now: () => number
  readonly nativeBinding?: string
  /** Tests lower the cost; the header records whatever was used. */
  readonly kdf?: KdfParams
  readonly chunkSize?: number
}

export interface BackupSummary {
  readonly applicants: number
  readonly images: number
  readonly bytes: number
  readonly schemaVersion: number
}

export const backupFileExtension = 'kdbackup'
const defaultChunkSize = 1024 * 1024

/**
 * Writes an encrypted backup of a queue: its database (settings, operators and audit trail
 * included), every image an applicant names, and its data key, under a key derived from the
 * passphrase. No plaintext leaves the data folder: the database copy is made there and removed.
 */
export async function createBackup(options: CreateBackupOptions): Promise<BackupSummary> {
  checkNewPassphrase(options.passphrase)
  const dataKey = await loadDataKey({ file: join(options.dataDir, DATA_KEY_FILE), provider: options.keyProvider, allowCreate: false, now: options.now })
  const snapshot = join(options.dataDir, `.backup-${randomBytes(6).toString('hex')}.sqlite.tmp`)
  const outTemp = tempPathFor(options.out)
  try {
    snapshotDatabase(options.dbFile ?? join(options.dataDir, DB_FILE), snapshot, options.nativeBinding)
    const facts = readSnapshotFacts(snapshot, options.nativeBinding)
    if (facts.keyId !== null && facts.keyId !== dataKey.keyId) throw new DataKeyError('the data key file does not belong to this database')
    const images = await Promise.all(facts.images.map(async (sha) => ({ sha, path: imagePath(options.dataDir, sha), size: await sizeOf(imagePath(options.dataDir, sha)) })))
    const manifest: BackupManifest = {
      dataKey: dataKey.key.toString('base64'),
      keyId: dataKey.keyId,
      schemaVersion: facts.schemaVersion,
      applicants: facts.applicants,
      images: images.length,
    }
    const salt = randomBytes(16)
    const noncePrefix = randomBytes(7)
    // Never write a backup that restore would refuse as too costly.
    const kdf = kdfParamsSchema.parse(options.kdf ?? defaultKdf)
    const key = await derivePassphraseKey(options.passphrase, salt, kdf)
    const chunkSize = options.chunkSize ?? defaultChunkSize
    const header: BackupHeader = {
      app: 'kyc-desk',
      appVersion: options.appVersion,
      schemaVersion: facts.schemaVersion,
      createdAt: options.now(),
      kdf: { name: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: salt.toString('base64') },
      cipher: 'aes-256-gcm',
      chunkSize,
      noncePrefix: noncePrefix.toString('base64'),
      verifier: key.verifier.toString('base64'),
    }
    const rawHeader = encodeHeader(header)
    async function* payload(): AsyncGenerator<Buffer> {
      yield* bytesEntry('manifest', manifestName, Buffer.from(JSON.stringify(manifest), 'utf8'))
      yield* fileEntry('database', DB_FILE, snapshot, (await stat(snapshot)).size)
      for (const image of images) yield* fileEntry('image', imageEntryName(image.sha), image.path, image.size)
      yield endEntry()
    }
    try {
      await pipeline(
        Readable.from(payload()),
        new ChunkEncryptor({ key: key.encryptionKey, noncePrefix, headerDigest: headerDigest(rawHeader), chunkSize }, rawHeader),
        createWriteStream(outTemp, { flags: 'wx', mode: 0o600 }),
      )
    } finally {
      key.encryptionKey.fill(0)
    }
    await syncFile(outTemp)
    await rename(outTemp, options.out)
    await fsyncDir(dirname(options.out))
    return { applicants: facts.applicants, images: images.length, bytes: (await stat(options.out)).size, schemaVersion: facts.schemaVersion }
  } finally {
    dataKey.key.fill(0)
    await rm(snapshot, { force: true })
    await rm(outTemp, { force: true })
  }
}

function imagePath(dataDir: string, sha: string): string {
  return imageFilePath(join(dataDir, IMAGES_DIR), sha)
}

/** An image the copy names but the folder no longer has was purged after the copy: try again. */
async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch (error) {
    if (isCode(error, 'ENOENT')) throw new BackupRefusal('queueChanged')
    throw error
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
