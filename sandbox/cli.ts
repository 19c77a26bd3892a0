import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { SandboxOptions } from './options'
import { appTokenShapes, echoStyles, DEFAULT_API_PORT, DEFAULT_OSS_PORT } from './options'
import { isLoopbackHost } from './admin/admin-auth'
import { startSandbox } from './index'

export interface SandboxCommandIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  /** Stops the sandbox like SIGINT/SIGTERM do (for embedding and tests). */
  signal?: AbortSignal
}

export const SANDBOX_USAGE = `Usage: kyc-desk sandbox [--host HOST [--allow-remote]] [--api-port N] [--oss-port N] [--data DIR] [--sts-ttl SECONDS] [--seed-users N]
                        [--apptoken-shape object|url|token|null] [--verify-hop]
                        [--echo-style exact|masked|datetime|url] [--token-ttl SECONDS] [--tls]
                        [--id-card-reader]

Runs the platform API stand-in and the OSS endpoint until SIGINT or SIGTERM.
When ready, prints one JSON line on stdout: {"api","oss","bucket","admin","adminToken","users":[{"uid","token"}]}
(with --tls also "ca": the path of the CA certificate PEM to trust; with --id-card-reader also
"idCardReader": {"cvrWeb","zkOnline","admin"}, the reader emulator's base URLs).
The admin API answers only "Authorization: Bearer <adminToken>", new on every start.
Logs go to stderr.

  --host HOST          interface to bind (default 127.0.0.1, loopback only)
  --allow-remote       allow a --host other than loopback (other machines then reach demo identities)
  --api-port N         platform API, admin API and face-check page (default ${DEFAULT_API_PORT}; 0 = any free port)
  --oss-port N         OSS endpoint (default ${DEFAULT_OSS_PORT}; 0 = any free port)
  --data DIR           keep state in DIR across runs (default: a temporary folder, removed on exit)
  --sts-ttl SECONDS    lifetime of STS credentials (default 900)
  --seed-users N       demo accounts to create (default 3)
  --apptoken-shape S   what /ali/appToken answers for source=1: object {verifyToken, verifyUrl} (default),
                       url (the page as a string), token (the bare token), null (the document's example)
  --verify-hop         the verify page's buttons post to a second origin (localhost <-> 127.0.0.1)
  --token-ttl SECONDS  customer tokens expire this long after issue: calls then answer -1001
                       (default: never; POST /__admin/users/:uid/token issues a new one)
  --echo-style S       how /user/authinfoNew echoes: exact (default), masked (idNumber starred),
                       datetime (midnight date-times, epoch ms, codes as strings), url (images as CDN URLs)
  --tls                serve both ports over https with a CA made for this run; its PEM is written
                       to ca.pem in the data folder (the ready line's "ca"); clients must trust it
  --id-card-reader     also start the ID card reader emulator on a free loopback port, speaking the
                       华视 and ZKTeco web protocols; its admin API (PUT /card, DELETE /card, PUT /fault)
                       takes the adminToken (docs/id-card-readers.md)
  -h, --help           show this text
`

const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))

const argumentsSchema = z.object({
  host: z.string().min(1).optional(),
  'allow-remote': z.boolean().optional(),
  'api-port': integer(0, 65_535).optional(),
  'oss-port': integer(0, 65_535).optional(),
  data: z.string().min(1).optional(),
  'sts-ttl': integer(1, 43_200).optional(),
  'seed-users': integer(0, 100).optional(),
  'apptoken-shape': z.enum(appTokenShapes, { error: `must be one of ${appTokenShapes.join(', ')}` }).optional(),
  'verify-hop': z.boolean().optional(),
  'token-ttl': integer(1, 31_536_000).optional(),
  'echo-style': z.enum(echoStyles, { error: `must be one of ${echoStyles.join(', ')}` }).optional(),
  tls: z.boolean().optional(),
  'id-card-reader': z.boolean().optional(),
  help: z.boolean().optional(),
})

type ParsedCommand = { help: true } | { help: false; options: SandboxOptions }

function parseCommand(argv: readonly string[]): ParsedCommand {
  // The dispatcher may pass its sub-command name along; anything else positional is a mistake.
  const args = argv[0] === 'sandbox' ? argv.slice(1) : [...argv]
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      'allow-remote': { type: 'boolean' },
      'api-port': { type: 'string' },
      'oss-port': { type: 'string' },
      data: { type: 'string' },
      'sts-ttl': { type: 'string' },
      'seed-users': { type: 'string' },
      'apptoken-shape': { type: 'string' },
      'verify-hop': { type: 'boolean' },
      'echo-style': { type: 'string' },
      'token-ttl': { type: 'string' },
      tls: { type: 'boolean' },
      'id-card-reader': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const parsed = argumentsSchema.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`--${String(issue?.path[0] ?? '')} ${issue?.message ?? 'is invalid'}`)
  }
  const value = parsed.data
  if (value.help) return { help: true }
  if (value.host !== undefined && !isLoopbackHost(value.host) && !value['allow-remote']) {
    throw new Error(`--host ${value.host} is reachable from other machines: add --allow-remote to bind it anyway`)
  }
  return {
    help: false,
    options: {
      ...(value.host !== undefined && { host: value.host }),
      ...(value['allow-remote'] !== undefined && { allowRemote: value['allow-remote'] }),
      ...(value['api-port'] !== undefined && { apiPort: value['api-port'] }),
      ...(value['oss-port'] !== undefined && { ossPort: value['oss-port'] }),
      ...(value.data !== undefined && { dataDir: value.data }),
      ...(value['sts-ttl'] !== undefined && { stsTtlSeconds: value['sts-ttl'] }),
      ...(value['seed-users'] !== undefined && { seedUsers: value['seed-users'] }),
      ...(value['apptoken-shape'] !== undefined && { appTokenShape: value['apptoken-shape'] }),
      ...(value['verify-hop'] !== undefined && { verifyHop: value['verify-hop'] }),
      ...(value['echo-style'] !== undefined && { echoStyle: value['echo-style'] }),
      ...(value['token-ttl'] !== undefined && { tokenTtlSeconds: value['token-ttl'] }),
      ...(value.tls !== undefined && { tls: value.tls }),
      ...(value['id-card-reader'] !== undefined && { idCardReader: value['id-card-reader'] }),
    },
  }
}

/** Resolves with what stopped the sandbox: a signal, or the caller's abort. */
function waitForStop(signal: AbortSignal | undefined): Promise<string> {
  return new Promise((resolve) => {
    const stop = (reason: string) => {
      process.off('SIGINT', onInterrupt)
      process.off('SIGTERM', onTerminate)
      signal?.removeEventListener('abort', onAbort)
      resolve(reason)
    }
    const onInterrupt = () => stop('SIGINT')
    const onTerminate = () => stop('SIGTERM')
    const onAbort = () => stop('abort')
    process.once('SIGINT', onInterrupt)
    process.once('SIGTERM', onTerminate)
    signal?.addEventListener('abort', onAbort, { once: true })
    if (signal?.aborted) stop('abort')
  })
}

/**
 * `kyc-desk sandbox ...`: starts the sandbox, prints exactly one JSON line on stdout when ready,
 * logs to stderr, and returns 0 after a clean stop (2 on usage errors, 1 if it cannot start).
 */
export async function runSandboxCommand(argv: string[], io: SandboxCommandIo): Promise<number> {
  let command: ParsedCommand
  try {
    command = parseCommand(argv)
  } catch (error) {
    io.stderr.write(`kyc-desk sandbox: ${error instanceof Error ? error.message : String(error)}\n\n${SANDBOX_USAGE}`)
    return 2
  }
  if (command.help) {
    io.stdout.write(SANDBOX_USAGE)
    return 0
  }

  const log = (line: string, from?: { readonly remoteAddress: string }) => io.stderr.write(`[sandbox] ${line}${from ? ` from ${from.remoteAddress}` : ''}\n`)
  let sandbox: Awaited<ReturnType<typeof startSandbox>>
  try {
    sandbox = await startSandbox({ ...command.options, log })
  } catch (error) {
    io.stderr.write(`kyc-desk sandbox: could not start: ${error instanceof Error ? error.message : String(error)}\n`)
    return 1
  }

  if (command.options.host !== undefined && !isLoopbackHost(command.options.host)) {
    log(`WARNING: bound to ${command.options.host}: other machines can reach the platform API, the face-check pages and the OSS endpoint (the admin API still needs the adminToken)`)
  }
  const reader = sandbox.idCardReader
  const ready = {
    api: sandbox.api, oss: sandbox.oss, bucket: sandbox.bucket, admin: sandbox.admin.url, adminToken: sandbox.admin.token, users: sandbox.users,
    ...(sandbox.caFile !== null && { ca: sandbox.caFile }),
    ...(reader !== null && { idCardReader: { cvrWeb: reader.cvrWebUrl, zkOnline: reader.zkOnlineUrl, admin: reader.adminUrl } }),
  }
  io.stdout.write(`${JSON.stringify(ready)}\n`)
  log(`platform API ${sandbox.api}  admin ${sandbox.admin.url}  OSS ${sandbox.oss} (bucket ${sandbox.bucket}, region ${sandbox.region})`)
  if (reader !== null) log(`ID card reader emulator: 华视 ${reader.cvrWebUrl}  ZKTeco ${reader.zkOnlineUrl}  admin ${reader.adminUrl}`)
  log(`data in ${sandbox.dataDir}${command.options.dataDir ? '' : ' (temporary, removed on exit)'}`)

  const reason = await waitForStop(io.signal)
  log(`stopping (${reason})`)
  await sandbox.close()
  log('stopped')
  return 0
}
