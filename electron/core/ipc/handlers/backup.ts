import { randomBytes } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileStampInZone } from '../../../../shared/format/time'
import type { FileExportPort } from '../../ports'
import { BackupRefusal } from '../../backup/backup-refusal'
import { backupFileExtension, createBackup, type BackupSummary } from '../../backup/create-backup'
import { KycError } from '../../errors/kyc-error'
import type { Logger } from '../../log/logger'
import type { KycStore } from '../../queue/store'
import type { KeyProvider } from '../../vault/key-provider'
import type { HandlerGroup } from '../handler-table'

export interface BackupHandlerDeps {
  readonly dataDir: string
  readonly keyProvider: KeyProvider
  readonly appVersion: string
  readonly nativeBinding?: string
  readonly store: KycStore
  readonly exports: FileExportPort
  readonly operatorId: () => string | null
  readonly clock: () => number
  /** The branch's time zone: the file's name is in it, as the exports' are. */
  readonly timeZone: () => string
  readonly log: Logger
}

/** A refusal as the screen words it (`reasons.backup.*`); the message is its English form. */
function toKycError(refusal: BackupRefusal): KycError {
  const code = refusal.code === 'queueChanged' ? 'CONFLICT' : refusal.code === 'saveFailed' ? 'UNAVAILABLE' : 'INVALID_INPUT'
  return new KycError(code, refusal.message, undefined, { key: `backup.${refusal.code}`, params: { ...refusal.params } })
}

/** The admin's backup from Settings: written in the data folder (ciphertext only), then handed to the save dialog. */
export function backupHandlers(deps: BackupHandlerDeps): HandlerGroup<'backup:create'> {
  return {
    'backup:create': async ({ passphrase }) => {
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
        if (error instanceof BackupRefusal) throw toKycError(error)
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
            throw toKycError(new BackupRefusal('saveFailed'))
          })
        if (!saved.saved) return { saved: false, fileName: null, applicants: 0, images: 0 }
        deps.store.events.append({
          type: 'backup-created',
          operatorId: deps.operatorId(),
          details: { applicants: summary.applicants, images: summary.images, bytes: summary.bytes, via: 'app' },
        })
        return { saved: true, fileName: basename(saved.location), applicants: summary.applicants, images: summary.images }
      } finally {
        await rm(made, { force: true })
      }
    },
  }
}
