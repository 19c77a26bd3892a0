import { BackupRefusal } from '../../core/backup/backup-refusal'
import { exitCodes, type CliIo } from '../io'
import { cliLocale, wordReason } from '../words'

/** A refusal as one line in the operator's language, exit code 1; anything else goes on up. */
export function reportRefusal(command: string, error: unknown, io: CliIo): number {
  if (!(error instanceof BackupRefusal)) throw error
  io.stderr.write(`kyc-desk ${command}: ${wordReason({ key: `backup.${error.code}`, params: { ...error.params } }, cliLocale(io.env))}\n`)
  return exitCodes.someFailed
}
