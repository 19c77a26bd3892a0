import { parseArgs } from 'node:util'
import { z } from 'zod'
import { platformLanguageSchema } from '../../../shared/domain/identity'
import { caFileReason, readCaFile } from '../../core/network/ca-file'
import type { MessageLocale } from '../../../shared/i18n'
import { UsageError } from '../io'
import { wordReason } from '../words'
import { dbFileFrom, locationHelp } from './data-location'

export const syncHelp = `Usage: kyc-desk sync --data DIR|--db FILE --platform URL --oss-endpoint URL [options]

Syncs queued applicants with the platform and OSS until stopped (Ctrl-C finishes the steps in
hand first), or with --until-idle until nothing is left to do.

Options:
${locationHelp}
  --platform URL         the platform's base URL
  --oss-endpoint URL     the OSS endpoint URL
  --oss-region R         OSS region (default: the stored setting, oss-cn-hangzhou)
  --path-style           address the bucket in the path, not as a subdomain
  --encoding form|json   request body encoding (default: the stored setting, form)
  --language zh_CN|en_US language of the platform's messages (default: the stored setting)
  --concurrency N        applicants in flight at once, 1-16 (default: the stored setting, 3)
  --retry-base-ms N      first retry window (default: the stored setting)
  --retry-cap-ms N       longest retry window (default: the stored setting)
  --auto-liveness        start the face check as soon as an applicant is submitted
  --until-idle           exit when nothing is left to do: 0 if none needs attention, else 1
  --json                 JSON lines on stdout instead of a progress bar
  --proxy URL            send every request through this proxy (http://[user:password@]host:port);
                         default: the stored setting, where "system" means HTTPS_PROXY/HTTP_PROXY/NO_PROXY
  --ca-file FILE         PEM file of extra CA certificates to trust (a TLS-inspecting proxy's CA)
  --key-file FILE        key file, when KYC_DESK_KEY is not set (or set KYC_DESK_KEY_FILE)
  -h, --help             this help
`

const url = z.url({
  protocol: /^https?$/,
  error: (issue) => (issue.input === undefined ? 'is required' : 'must be an http or https URL'),
})
const positiveInt = z.coerce.number().int().positive()

const syncFlagsSchema = z.object({
  db: z.string().min(1, 'is required'),
  platform: url,
  ossEndpoint: url,
  ossRegion: z.string().regex(/^[a-z0-9-]+$/).optional(),
  pathStyle: z.boolean().default(false),
  encoding: z.enum(['form', 'json']).optional(),
  language: platformLanguageSchema.optional(),
  concurrency: positiveInt.max(16).optional(),
  retryBaseMs: positiveInt.optional(),
  retryCapMs: positiveInt.optional(),
  autoLiveness: z.boolean().default(false),
  untilIdle: z.boolean().default(false),
  json: z.boolean().default(false),
  keyFile: z.string().min(1).optional(),
  proxy: z
    .url({ protocol: /^https?$/, error: 'must be an http or https proxy URL such as http://proxy.bank.example:8080' })
    .refine((v) => new URL(v).pathname === '/' && new URL(v).search === '', 'must be a proxy address without a path')
    .optional(),
  caFile: z.string().min(1).optional(),
})
export type SyncFlags = z.infer<typeof syncFlagsSchema>

/** Parses and validates the flags; null when help was asked for. */
export function parseSyncFlags(argv: readonly string[], locale: MessageLocale): SyncFlags | null {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        db: { type: 'string' },
        data: { type: 'string' },
        platform: { type: 'string' },
        'oss-endpoint': { type: 'string' },
        'oss-region': { type: 'string' },
        'path-style': { type: 'boolean' },
        encoding: { type: 'string' },
        language: { type: 'string' },
        concurrency: { type: 'string' },
        'retry-base-ms': { type: 'string' },
        'retry-cap-ms': { type: 'string' },
        'auto-liveness': { type: 'boolean' },
        'until-idle': { type: 'boolean' },
        json: { type: 'boolean' },
        'key-file': { type: 'string' },
        proxy: { type: 'string' },
        'ca-file': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) return null
  const parsed = syncFlagsSchema.safeParse({
    db: dbFileFrom(values),
    platform: values.platform,
    ossEndpoint: values['oss-endpoint'],
    ossRegion: values['oss-region'],
    pathStyle: values['path-style'],
    encoding: values.encoding,
    language: values.language,
    concurrency: values.concurrency,
    retryBaseMs: values['retry-base-ms'],
    retryCapMs: values['retry-cap-ms'],
    autoLiveness: values['auto-liveness'],
    untilIdle: values['until-idle'],
    json: values.json,
    keyFile: values['key-file'],
    proxy: values.proxy,
    caFile: values['ca-file'],
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const flag = String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
    throw new UsageError(`--${flag}: ${issue?.message ?? 'invalid'}\n\n${syncHelp}`)
  }
  if (parsed.data.caFile !== undefined) {
    // Checked now, not at the first request: a bad file must not read as "certificate not trusted".
    const read = readCaFile(parsed.data.caFile)
    if (!read.ok) throw new UsageError(`--ca-file: ${wordReason(caFileReason(parsed.data.caFile, read), locale)}`)
  }
  return parsed.data
}
