import type { BackupRefusalCode } from '../../../shared/domain/backup'
import { BackupRefusal } from './backup-refusal'

/** File-system errors an operator can act on, by their errno code. */
const byErrno: Readonly<Record<string, BackupRefusalCode>> = { ENOSPC: 'diskFull', EDQUOT: 'diskFull', EACCES: 'noAccess', EPERM: 'noAccess', EROFS: 'noAccess' }

function errnoOf(error: unknown): string | null {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && 'syscall' in error ? error.code : null
}

/**
 * A failure during a restore as a refusal worded in the operator's language, the raw message kept
 * as its `detail` (and the error as its cause). A disk that is full or refuses access is named as
 * such whatever step hit it; other file-system errors, and any error of the step `step` names
 * (the key, the database), get that step's message. Anything else is a bug and goes on up as it is.
 */
export function restoreFailure(error: unknown, step: 'fileSystemFailed' | 'keyFailed' | 'databaseFailed' = 'fileSystemFailed'): unknown {
  if (error instanceof BackupRefusal) return error
  const errno = errnoOf(error)
  if (errno === null && step === 'fileSystemFailed') return error
  const detail = error instanceof Error ? error.message : String(error)
  return new BackupRefusal((errno !== null ? byErrno[errno] : undefined) ?? step, { detail }, { cause: error })
}
