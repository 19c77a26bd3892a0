import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, open, rename, rm, rmdir, type FileHandle } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { migrations } from '../db/migrations'
import { imageFilePath } from '../vault/image-store'
import { DB_FILE, openKycStore } from '../queue/store'
import { fsyncDir } from '../vault/atomic-write'
import { DATA_KEY_FILE, keyIdOf, storeDataKey } from '../vault/data-key'
import type { KeyProvider } from '../vault/key-provider'
import { headerDigest, readHeader, type BackupHeader, type ParsedHeader } from './backup-format'
import { BackupRefusal } from './backup-refusal'
import { decryptChunks } from './chunk-cipher'
import { backupManifestSchema, IMAGES_DIR, manifestName, shaOfImageEntry, type BackupManifest } from './manifest'
import { keyForHeader } from './passphrase-key'
import { removeRestoreLeftovers } from './leftovers'
import { PayloadReader } from './payload'
import { restoreFailure } from './restore-failure'
import { readSnapshotFacts } from './snapshot'

export interface RestoreBackupOptions {
  readonly file: string
  readonly passphrase: string
  /** A new or empty folder; it appears, complete, only at the very end. */
  readonly targetDir: string
  /**
   * This PC's key for the folder, given the folder it will sit in while it is built (a key file
   * inside the target is made there and moves with it). Called for the build folder only.
   */
  readonly keyProviderFor: (folder: string) => KeyProvider
  readonly now: () => number
  readonly nativeBinding?: string
}

export interface RestoreSummary {
  readonly applicants: number
  readonly images: number
  readonly schemaVersion: number
  readonly backupCreatedAt: number
  readonly backupAppVersion: string
}

/** A queue already there is never overwritten, nor files of any other kind mixed into. */
export function refuseOccupiedTarget(targetDir: string): void {
  const target = resolve(targetDir)
  if (existsSync(join(target, DB_FILE))) throw new BackupRefusal('targetHasQueue', { folder: target })
  if (existsSync(target) && readdirSync(target).length > 0) throw new BackupRefusal('targetNotEmpty', { folder: target })
}

function refuseNewerSchema(header: BackupHeader): void {
  if (header.schemaVersion > migrations.length) {
    throw new BackupRefusal('newerSchema', { found: header.schemaVersion, supported: migrations.length })
  }
}

async function readHeaderOf(handle: FileHandle): Promise<ParsedHeader> {
  return readHeader(async (length, position) => {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, position)
    return buffer.subarray(0, bytesRead)
  })
}

/** The clear header, for a look before the passphrase is asked (a backup from a newer app is refused at once). */
export async function inspectBackup(file: string): Promise<BackupHeader> {
  const handle = await open(file, 'r')
  try {
    const { header } = await readHeaderOf(handle)
    refuseNewerSchema(header)
    return header
  } finally {
    await handle.close()
  }
}

/**
 * Restores a backup into a new folder on this PC: checks the passphrase, decrypts into a build
 * folder beside the target, wraps the data key under this PC's key, opens the result as the app
 * would (migrating an older schema), records the restore in its audit trail, and only then
 * renames it into place. Any refusal or failure removes the build folder: nothing changes.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreSummary> {
  try {
    return await restoreInto(resolve(options.targetDir), options)
  } catch (error) {
    throw restoreFailure(error)
  }
}

async function restoreInto(target: string, options: RestoreBackupOptions): Promise<RestoreSummary> {
  refuseOccupiedTarget(target)
  await removeRestoreLeftovers(target, options.now())
  const handle = await open(options.file, 'r')
  let key: Buffer | null = null
  try {
    const { header, raw } = await readHeaderOf(handle)
    refuseNewerSchema(header)
    key = await keyForHeader(options.passphrase, header)
    await mkdir(dirname(target), { recursive: true })
    const building = join(dirname(target), `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`)
    await mkdir(building, { mode: 0o700 })
    try {
      const chunks = decryptChunks(handle, raw.length, { key, noncePrefix: Buffer.from(header.noncePrefix, 'base64'), headerDigest: headerDigest(raw), chunkSize: header.chunkSize })
      const { manifest, images } = await unpack(new PayloadReader(chunks[Symbol.asyncIterator]()), building, header)
      const summary = await adopt(building, manifest, images, header, options)
      refuseOccupiedTarget(target)
      if (existsSync(target)) await rmdir(target)
      await rename(building, target)
      await fsyncDir(dirname(target))
      return summary
    } catch (error) {
      await rm(building, { recursive: true, force: true })
      throw error
    }
  } finally {
    key?.fill(0)
    await handle.close()
  }
}

/** Writes the entries into the build folder, checking their order and names. */
async function unpack(reader: PayloadReader, folder: string, header: BackupHeader): Promise<{ manifest: BackupManifest; images: Set<string> }> {
  const first = await reader.head()
  if (first.kind !== 'manifest' || first.name !== manifestName || first.size > 64 * 1024) throw new BackupRefusal('damagedContent')
  const parsed = backupManifestSchema.safeParse(parseJson((await reader.bytes(first.size)).toString('utf8')))
  if (!parsed.success || parsed.data.schemaVersion !== header.schemaVersion) throw new BackupRefusal('damagedContent')
  const manifest = parsed.data
  const database = await reader.head()
  if (database.kind !== 'database' || database.name !== DB_FILE) throw new BackupRefusal('damagedContent')
  await reader.toFile(database.size, join(folder, DB_FILE))
  const images = new Set<string>()
  for (;;) {
    const entry = await reader.head()
    if (entry.kind === 'end') break
    const sha = entry.kind === 'image' ? shaOfImageEntry(entry.name) : null
    if (sha === null || images.has(sha)) throw new BackupRefusal('damagedContent')
    const path = imageFilePath(join(folder, IMAGES_DIR), sha)
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    await reader.toFile(entry.size, path)
    images.add(sha)
  }
  await reader.expectEnd()
  return { manifest, images }
}

/** Makes the build folder this PC's own: its key file, then one open as the app does it. */
async function adopt(folder: string, manifest: BackupManifest, images: ReadonlySet<string>, header: BackupHeader, options: RestoreBackupOptions): Promise<RestoreSummary> {
  const facts = (() => {
    try {
      return readSnapshotFacts(join(folder, DB_FILE), options.nativeBinding)
    } catch (error) {
      throw restoreFailure(error, 'databaseFailed')
    }
  })()
  const dataKey = Buffer.from(manifest.dataKey, 'base64')
  try {
    const consistent =
      keyIdOf(dataKey) === manifest.keyId &&
      (facts.keyId === null || facts.keyId === manifest.keyId) &&
      facts.schemaVersion === manifest.schemaVersion &&
      images.size === manifest.images &&
      facts.images.every((sha) => images.has(sha))
    if (!consistent) throw new BackupRefusal('damagedContent')
    const provider = options.keyProviderFor(folder)
    await storeDataKey({ file: join(folder, DATA_KEY_FILE), key: dataKey, provider, now: options.now }).catch((error: unknown) => {
      throw restoreFailure(error, 'keyFailed')
    })
    const store = await openKycStore({ dataDir: folder, keyProvider: provider, now: options.now, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) }).catch(
      (error: unknown) => {
        throw restoreFailure(error, 'databaseFailed')
      },
    )
    try {
      store.events.append({
        type: 'backup-restored',
        details: { backupCreatedAt: header.createdAt, backupAppVersion: header.appVersion, applicants: facts.applicants, images: images.size },
      })
    } finally {
      store.close()
    }
  } finally {
    dataKey.fill(0)
  }
  return {
    applicants: facts.applicants,
    images: images.size,
    schemaVersion: migrations.length,
    backupCreatedAt: header.createdAt,
    backupAppVersion: header.appVersion,
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
