import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { inspectBackup, refuseOccupiedTarget, restoreBackup } from '../../core/backup/restore-backup'
import { EnvKeyProvider, KEY_ENV_VARIABLE } from '../../core/vault/env-key-provider'
import { KeyFileProvider } from '../../core/vault/key-file-provider'
import type { KeyProvider } from '../../core/vault/key-provider'
import { exitCodes, UsageError, type CliIo } from '../io'
import { reportRefusal } from './backup-refusal-output'
import { systemTimeZone, isoInZone } from '../../../shared/format/time'
import { cliLocale, sayIn, wordReason } from '../words'
import { DEFAULT_KEY_FILE } from './data-location'
import { KEY_FILE_ENV_VARIABLE } from './open-cli-store'
import { passphraseHelp, readPassphrase, refusePassphraseArgument } from './passphrase-input'

export const restoreHelp = `Usage: kyc-desk restore FILE --data DIR [--key-file FILE] [--passphrase-file F]

Restores a backup made by kyc-desk backup or the app's Settings into DIR, a new or empty folder
on this PC. The queue's data key is wrapped under this PC's key: a key file (default
DIR/${DEFAULT_KEY_FILE}; --key-file or ${KEY_FILE_ENV_VARIABLE} to keep it elsewhere, an existing one is
used) or ${KEY_ENV_VARIABLE}. A wrong passphrase, a damaged or cut-short file, a backup from a newer
kyc-desk, or a DIR that already holds a queue is refused and changes nothing.

  --data DIR            the new data folder
  --key-file FILE       this PC's key file for the folder
${passphraseHelp}
`

const flagsSchema = z.object({
  file: z.string().min(1, 'name the backup FILE'),
  data: z.string().min(1, '--data DIR is required'),
  keyFile: z.string().min(1).optional(),
  passphraseFile: z.string().min(1).optional(),
})

function parseFlags(argv: readonly string[]): z.infer<typeof flagsSchema> | null {
  refusePassphraseArgument(argv)
  let parsedArgs
  try {
    parsedArgs = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        'key-file': { type: 'string' },
        'passphrase-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${restoreHelp}`)
  }
  const { values, positionals } = parsedArgs
  if (values.help) return null
  if (positionals.length > 1) throw new UsageError(`one backup FILE at a time\n\n${restoreHelp}`)
  const parsed = flagsSchema.safeParse({ file: positionals[0] ?? '', data: values.data ?? '', keyFile: values['key-file'], passphraseFile: values['passphrase-file'] })
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? 'invalid flags'}\n\n${restoreHelp}`)
  return parsed.data
}

/** A key file named outside the folder (--key-file or the environment), or null for the folder's own or KYC_DESK_KEY. */
function namedKeyFile(env: NodeJS.ProcessEnv, keyFile: string | undefined): string | null {
  if (env[KEY_ENV_VARIABLE]?.trim()) return null
  const named = keyFile ?? env[KEY_FILE_ENV_VARIABLE]
  return named ? resolve(named) : null
}

/** This PC's key for the restored folder; a key file is created when it does not exist yet. */
function keyProviderFor(env: NodeJS.ProcessEnv, named: string | null): (folder: string) => KeyProvider {
  if (env[KEY_ENV_VARIABLE]?.trim()) return () => new EnvKeyProvider(env)
  if (named) return () => new KeyFileProvider({ file: named, create: true })
  return (folder) => new KeyFileProvider({ file: join(folder, DEFAULT_KEY_FILE), create: true })
}

/** `kyc-desk restore`: a backup into a new folder on this PC, opened by the app, `serve` and every command. */
export async function runRestore(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv)
  if (!flags) {
    io.stdout.write(restoreHelp)
    return exitCodes.ok
  }
  const file = resolve(flags.file)
  if (!existsSync(file)) throw new UsageError(wordReason({ key: 'backup.noBackupFile', params: { file } }, cliLocale(io.env)))
  const target = resolve(flags.data)
  const named = namedKeyFile(io.env, flags.keyFile)
  // A key file this run creates outside the folder is removed if the restore fails (the folder's own goes with the build folder).
  const createsKeyFile = named !== null && !existsSync(named)
  try {
    // Refused before the passphrase is asked: nothing to type for a restore that cannot happen.
    refuseOccupiedTarget(target)
    const header = await inspectBackup(file)
    const say = sayIn(cliLocale(io.env))
    // The branch's zone is in the backup's settings, unreadable before the restore: this PC's zone instead.
    const time = isoInZone(header.createdAt, systemTimeZone())
    io.stderr.write(`${say('restore.header', { time, version: header.appVersion, schema: header.schemaVersion })}\n`)
    const passphrase = await readPassphrase(io, flags.passphraseFile, { confirm: false })
    const summary = await restoreBackup({ file, passphrase, targetDir: target, keyProviderFor: keyProviderFor(io.env, named), now: Date.now }).catch(async (error: unknown) => {
      if (createsKeyFile) await rm(named, { force: true })
      throw error
    })
    const keyFile = io.env[KEY_ENV_VARIABLE]?.trim() ? null : resolve(flags.keyFile ?? io.env[KEY_FILE_ENV_VARIABLE] ?? join(target, DEFAULT_KEY_FILE))
    const counts = { applicants: say('count.applicants', { n: summary.applicants }), images: say('count.images', { n: summary.images }) }
    io.stdout.write(`${say('restore.restored', { ...counts, folder: target })}\n`)
    if (keyFile) io.stdout.write(`${say('restore.keyFile', { file: keyFile, variable: KEY_FILE_ENV_VARIABLE })}\n`)
    io.stdout.write(`${say('next', { command: `kyc-desk status --data ${flags.data}` })}\n`)
    return exitCodes.ok
  } catch (error) {
    return reportRefusal('restore', error, io)
  }
}
