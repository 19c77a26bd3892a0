import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { environmentOf } from '../../../shared/domain/environment'
import { openKycStore, DB_FILE } from '../../core/queue/store'
import { SettingsService } from '../../core/settings/settings-service'
import { KeyFileProvider } from '../../core/vault/key-file-provider'
import { exitCodes, UsageError, type CliIo } from '../io'
import { cliLocale, sayIn } from '../words'
import { DEFAULT_KEY_FILE } from './data-location'

export const initHelp = `Usage: kyc-desk init --data DIR [--key-file FILE] [--platform URL --oss-endpoint URL [--oss-region R]]

Creates an empty queue in DIR (which must not hold one) and its key file, for the command line
and for a branch PC that IT sets up with a key file rather than the OS keychain (start the app
with KYC_DESK_KEY_FILE=FILE). Without --platform the queue is in training mode.

  --data DIR           the new data folder
  --key-file FILE      where to create the key file (default DIR/${DEFAULT_KEY_FILE}); keep a copy
                       elsewhere: without it nothing in the folder can be read
  --platform URL       the live platform's base URL (an admin may change it later)
  --oss-endpoint URL   the OSS endpoint URL
  --oss-region R       the OSS region (default oss-cn-hangzhou)
`

const flagsSchema = z.object({
  data: z.string().min(1, '--data DIR is required'),
  keyFile: z.string().min(1).optional(),
  platform: z.url({ protocol: /^https?$/ }).optional(),
  ossEndpoint: z.url({ protocol: /^https?$/ }).optional(),
  ossRegion: z.string().regex(/^[a-z0-9-]+$/).optional(),
})

function parseFlags(argv: readonly string[]): z.infer<typeof flagsSchema> | null {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        data: { type: 'string' },
        'key-file': { type: 'string' },
        platform: { type: 'string' },
        'oss-endpoint': { type: 'string' },
        'oss-region': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${initHelp}`)
  }
  if (values.help) return null
  const parsed = flagsSchema.safeParse({
    data: values.data ?? '',
    keyFile: values['key-file'],
    platform: values.platform,
    ossEndpoint: values['oss-endpoint'],
    ossRegion: values['oss-region'],
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UsageError(`${issue?.path.length ? `--${String(issue.path[0])}: ` : ''}${issue?.message ?? 'invalid flags'}\n\n${initHelp}`)
  }
  return parsed.data
}

/** `kyc-desk init`: a new queue and its key file; the folder is then ready for import, sync and operators. */
export async function runInit(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv)
  if (!flags) {
    io.stdout.write(initHelp)
    return exitCodes.ok
  }
  const say = sayIn(cliLocale(io.env))
  const dir = resolve(flags.data)
  if (existsSync(join(dir, DB_FILE))) throw new UsageError(say('init.exists', { folder: dir, data: flags.data }))
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new UsageError(say('init.notEmpty', { folder: dir }))
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const keyFile = resolve(flags.keyFile ?? join(dir, DEFAULT_KEY_FILE))
  if (existsSync(keyFile)) throw new UsageError(say('init.keyFileExists', { file: keyFile }))
  const store = await openKycStore({ dataDir: dir, keyProvider: new KeyFileProvider({ file: keyFile, create: true }) })
  try {
    const settings = new SettingsService(store.settings, Date.now)
    if (flags.platform || flags.ossEndpoint || flags.ossRegion) {
      settings.update({
        ...(flags.platform ? { platform: { baseUrl: flags.platform } } : {}),
        oss: { ...(flags.ossEndpoint ? { endpoint: flags.ossEndpoint } : {}), ...(flags.ossRegion ? { region: flags.ossRegion } : {}) },
      })
    }
    const environment = environmentOf(settings.get().platform.baseUrl)
    const mode = environment === 'training' ? say('init.training') : say('init.platform', { platform: environment })
    io.stdout.write(`${say('init.created', { folder: dir, mode })}\n`)
    io.stdout.write(`${say('init.keyFile', { file: keyFile })}\n`)
    io.stdout.write(`${say('next', { command: `kyc-desk operators add --data ${flags.data} --name NAME --role admin` })}\n`)
    return exitCodes.ok
  } finally {
    store.close()
  }
}
