/**
 * Backups of the queue: the refusals the core can answer with. Their words are in shared/i18n
 * (`reasons.backup.<code>`), worded by the screens and by the command line's `wordReason`.
 */

/** A passphrase shorter than this is refused when a backup is made: it is all that protects it. */
export const minBackupPassphraseLength = 12

export const backupRefusalCodes = [
  'passphraseTooShort',
  'wrongPassphrase',
  'notABackup',
  'truncated',
  'corrupted',
  'damagedContent',
  'newerFormat',
  'newerSchema',
  'targetHasQueue',
  'targetNotEmpty',
  'queueChanged',
  'diskFull',
  'noAccess',
  'fileSystemFailed',
  'keyFailed',
  'databaseFailed',
  'outExists',
  'noBackupFile',
  'passphraseFileUnreadable',
  'noPassphrase',
  'passphrasesDiffer',
  'cancelled',
  'saveFailed',
] as const
export type BackupRefusalCode = (typeof backupRefusalCodes)[number]
