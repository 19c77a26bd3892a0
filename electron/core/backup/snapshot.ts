import Database from 'better-sqlite3'
import { z } from 'zod'
import { sha256HexSchema, type Sha256Hex } from '../../../shared/domain/images'

/** What a backup needs to know of the database copy it carries. */
export interface SnapshotFacts {
  readonly schemaVersion: number
  /** The data key the copy was written with (`vault.keyId`), or null for an empty queue that never opened. */
  readonly keyId: string | null
  /** Applicants not purged: the count the audit log records (never who they are). */
  readonly applicants: number
  /** Every image file an applicant names. */
  readonly images: readonly Sha256Hex[]
}

const nativeOption = (nativeBinding: string | undefined) => (nativeBinding ? { nativeBinding } : {})

/**
 * A consistent copy of the live database, by `VACUUM INTO` on a connection of its own: one read
 * transaction, so the app and the sync engine go on writing meanwhile. The copy has the live
 * file's exposure (personal data in it is sealed under the data key); the caller removes it.
 */
export function snapshotDatabase(dbFile: string, target: string, nativeBinding?: string): void {
  const db = new Database(dbFile, { fileMustExist: true, ...nativeOption(nativeBinding) })
  try {
    db.pragma('busy_timeout = 5000')
    db.prepare('VACUUM INTO ?').run(target)
  } finally {
    db.close()
  }
}

const countRow = z.object({ n: z.number().int() })
const shaRow = z.object({ sha256: sha256HexSchema })
const valueRow = z.object({ value: z.string() }).optional()

export function readSnapshotFacts(file: string, nativeBinding?: string): SnapshotFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...nativeOption(nativeBinding) })
  try {
    const schemaVersion = z.number().int().parse(db.pragma('user_version', { simple: true }))
    const keyValue = valueRow.parse(db.prepare(`SELECT value FROM settings WHERE key = 'vault.keyId'`).get())
    const keyId = keyValue ? z.string().parse(JSON.parse(keyValue.value)) : null
    const applicants = countRow.parse(db.prepare('SELECT COUNT(*) AS n FROM applicants WHERE purged_at IS NULL').get()).n
    const images = db
      .prepare('SELECT DISTINCT sha256 FROM applicant_images ORDER BY sha256')
      .all()
      .map((row) => shaRow.parse(row).sha256)
    return { schemaVersion, keyId, applicants, images }
  } finally {
    db.close()
  }
}
