import { BackupRefusal } from '../../backup/backup-refusal'
import { exportBackup, type BackupExportDeps } from '../../backup/export-backup'
import { KycError } from '../../errors/kyc-error'
import type { HandlerGroup } from '../handler-table'

export interface BackupHandlerDeps extends BackupExportDeps {
  readonly operatorId: () => string | null
}

/** A refusal as the screen words it (`reasons.backup.*`); the message is its English form. */
function toKycError(refusal: BackupRefusal): KycError {
  const code = refusal.code === 'queueChanged' ? 'CONFLICT' : refusal.code === 'saveFailed' ? 'UNAVAILABLE' : 'INVALID_INPUT'
  return new KycError(code, refusal.message, undefined, { key: `backup.${refusal.code}`, params: { ...refusal.params } })
}

/** The admin's backup from Settings. */
export function backupHandlers(deps: BackupHandlerDeps): HandlerGroup<'backup:create'> {
  return {
    'backup:create': async ({ passphrase }) => {
      try {
        return await exportBackup(deps, passphrase, deps.operatorId())
      } catch (error) {
        if (error instanceof BackupRefusal) throw toKycError(error)
        throw error
      }
    },
  }
}
