import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileStampInZone } from '../../../shared/format/time'
import type { Logger } from '../log/logger'
import type { FileExportPort } from '../ports'
import type { AuditLog } from '../queue/audit-log'
import type { KeyProvider } from '../vault/key-provider'
import { BackupRefusal } from './backup-refusal'
import { backupFileExtension, createBackup, type BackupSummary } from './create-backup'

export interface BackupExportDeps {
  readonly dataDir: string
  readonly keyProvider: KeyProvider
  readonly appVersion: string
  readonly nativeBinding?: string
  readonly exports: FileExportPort
  readonly audit: Pick<AuditLog, 'append'>
  readonly clock: () => number
  /** The branch's time zone: the file's name is in it, as the exports' are. */
  readonly timeZone: () => string
  readonly log: Logger
}

export type BackupExportResult =
  | { readonly saved: false; readonly fileName: null; readonly applicants: 0; readonly images: 0 }
  | { readonly saved: true; readonly fileName: string; readonly applicants: number; readonly images: number }

/**
 * The admin's backup: written in the data folder (ciphertext only), handed to the save dialog,
 * removed again, and put on record with its counts once saved. Throws BackupRefusal.
 */
export async function exportBackup(deps: BackupExportDeps, passphrase: string, operatorId: string | null): Promise<BackupExportResult> {
  const made = join(deps.dataDir, `.outgoing-${randomBytes(6).toString('hex')}.${backupFileExtension}`)
  let summary: BackupSummary
  try {
    summary = await createBackup({
      dataDir: deps.dataDir,
      keyProvider: deps.keyProvider,
      passphrase,
      out: made,
      appVersion: deps.appVersion,
      now: deps.clock,
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    })
  } catch (error) {
    await rm(made, { force: true })
    throw error
  }
  try {
    const saved = await deps.exports
      .exportFile({
        defaultName: `kyc-desk-backup-${fileStampInZone(deps.clock(), deps.timeZone())}.${backupFileExtension}`,
        filters: [{ name: 'kyc-desk backup', extensions: [backupFileExtension] }],
        source: made,
      })
      .catch((error: unknown) => {
        deps.log.warn('backup.save-failed', { error })
        throw new BackupRefusal('saveFailed')
      })
    if (!saved.saved) return { saved: false, fileName: null, applicants: 0, images: 0 }
    deps.audit.append({
      type: 'backup-created',
      operatorId,
      details: { applicants: summary.applicants, images: summary.images, bytes: summary.bytes, via: 'app' },
    })
    return { saved: true, fileName: basename(saved.location), applicants: summary.applicants, images: summary.images }
  } finally {
    await rm(made, { force: true })
  }
}
