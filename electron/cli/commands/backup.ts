import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { backupFileExtension, createBackup } from '../../core/backup/create-backup'
import { checkNewPassphrase } from '../../core/backup/passphrase-key'
import { exitCodes, UsageError, type CliIo } from '../io'
import { packageVersion } from '../package-version'
import { reportRefusal } from './backup-refusal-output'
import { cliLocale, sayIn, wordReason } from '../words'
import { dbFileFrom, defaultKeyFileOf, locationHelp } from './data-location'
import { cliKeyProvider, openCliStore } from './open-cli-store'
import { passphraseHelp, readPassphrase, refusePassphraseArgument } from './passphrase-input'

export const backupHelp = `Usage: kyc-desk backup --data DIR|--db FILE --out FILE [--key-file FILE] [--passphrase-file F]

Writes an encrypted backup of the queue (applicants, images, settings, operators, audit trail)
to FILE, protected by a passphrase of at least 12 characters; restore it on another PC with
kyc-desk restore. The queue may be in use meanwhile. Keep the passphrase apart from the file:
without it the backup cannot be opened, by anyone.

${locationHelp}
  --out FILE            the backup file to create (e.g. branch-2025-06-01.${backupFileExtension}); never overwritten
  --key-file FILE       the queue's key file (or KYC_DESK_KEY / KYC_DESK_KEY_FILE)
${passphraseHelp}
`

const flagsSchema = z.object({
  db: z.string().min(1, '--data DIR or --db FILE is required'),
  out: z.string().min(1, '--out FILE is required'),
  keyFile: z.string().min(1).optional(),
  passphraseFile: z.string().min(1).optional(),
})

function parseFlags(argv: readonly string[]): z.infer<typeof flagsSchema> | null {
  refusePassphraseArgument(argv)
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        db: { type: 'string' },
        out: { type: 'string' },
        'key-file': { type: 'string' },
        'passphrase-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${backupHelp}`)
  }
  if (values.help) return null
  const parsed = flagsSchema.safeParse({ db: dbFileFrom(values), out: values.out ?? '', keyFile: values['key-file'], passphraseFile: values['passphrase-file'] })
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]?.message ?? 'invalid flags'}\n\n${backupHelp}`)
  return parsed.data
}

/** `kyc-desk backup`: the queue into one encrypted file, recorded in its audit trail (counts only). */
export async function runBackup(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv)
  if (!flags) {
    io.stdout.write(backupHelp)
    return exitCodes.ok
  }
  const out = resolve(flags.out)
  if (existsSync(out)) throw new UsageError(wordReason({ key: 'backup.outExists', params: { file: out } }, cliLocale(io.env)))
  const db = resolve(flags.db)
  const store = await openCliStore(db, io.env, flags.keyFile)
  try {
    const passphrase = await readPassphrase(io, flags.passphraseFile, { confirm: true })
    checkNewPassphrase(passphrase)
    const summary = await createBackup({
      dataDir: dirname(db),
      dbFile: db,
      keyProvider: cliKeyProvider(io.env, flags.keyFile ?? defaultKeyFileOf(db)),
      passphrase,
      out,
      appVersion: packageVersion(),
      now: Date.now,
    })
    store.events.append({ type: 'backup-created', details: { applicants: summary.applicants, images: summary.images, bytes: summary.bytes, via: 'command-line' } })
    const say = sayIn(cliLocale(io.env))
    const counts = { applicants: say('count.applicants', { n: summary.applicants }), images: say('count.images', { n: summary.images }), bytes: say('count.bytes', { n: summary.bytes }) }
    io.stdout.write(`${say('backup.written', { file: out, ...counts })}\n`)
    io.stdout.write(`${say('backup.keepApart')}\n`)
    return exitCodes.ok
  } catch (error) {
    return reportRefusal('backup', error, io)
  } finally {
    store.close()
  }
}
