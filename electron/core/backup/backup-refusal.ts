import type { BackupRefusalCode } from '../../../shared/domain/backup'

/**
 * Why a backup could not be made or restored, as a code with values: the command line and the
 * screen word it in the operator's language. Nothing has been changed when one is thrown.
 */
export class BackupRefusal extends Error {
  override readonly name = 'BackupRefusal'
  constructor(
    readonly code: BackupRefusalCode,
    readonly params: Readonly<Record<string, string | number>> = {},
    options?: ErrorOptions,
  ) {
    // The message is for the log only: the code and its values, never a sentence to show.
    super(`backup refused: ${code} ${JSON.stringify(params)}`, options)
  }
}
