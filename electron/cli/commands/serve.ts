import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { EnvKeyProvider, KEY_ENV_VARIABLE } from '../../core/vault/env-key-provider'
import { KeyFileProvider } from '../../core/vault/key-file-provider'
import type { KeyProvider } from '../../core/vault/key-provider'
import { startBrowserMode, trainingLauncher } from '../../serve/browser-mode'
import { defaultServeDataDir, keychainRefusal, SERVE_KEY_FILE } from '../../serve/data-folder'
import { openInBrowser } from '../../serve/open-browser'
import { PortInUseError } from '../../serve/server'
import { exitCodes, UsageError, type CliIo } from '../io'
import { KEY_FILE_ENV_VARIABLE } from './open-cli-store'
import { isLoopback, parseServeFlags, serveHelp } from './serve-flags'

const projectRoot = resolve(import.meta.dirname, '../../..')

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version?: unknown }
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0'
}

/** `KYC_DESK_KEY`, else `--key-file`/`KYC_DESK_KEY_FILE`, else a key file made on first run in the data folder. */
function serveKeyProvider(env: NodeJS.ProcessEnv, keyFile: string | null, dataDir: string): KeyProvider {
  if (env[KEY_ENV_VARIABLE]?.trim()) return new EnvKeyProvider(env)
  const named = keyFile ?? env[KEY_FILE_ENV_VARIABLE]
  return new KeyFileProvider({ file: named ? resolve(named) : join(dataDir, SERVE_KEY_FILE) })
}

/**
 * Resolves on the first SIGINT or SIGTERM, and keeps listening after it: Ctrl+C under `npm start`
 * reaches both processes, and a second signal must not kill the server while it commits the
 * steps in hand. A third one ends it at once, for an operator who insists.
 */
function untilSignal(io: CliIo): Promise<NodeJS.Signals> {
  return new Promise((done) => {
    let received = 0
    const onSignal = (signal: NodeJS.Signals): void => {
      received += 1
      if (received === 1) done(signal)
      else if (received === 2) io.stderr.write('kyc-desk serve: still closing; press Ctrl+C again to stop at once\n')
      else process.exit(130)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}

/** `kyc-desk serve`: the app in the browser, until SIGINT or SIGTERM. */
export async function runServe(argv: readonly string[], io: CliIo, stop: Promise<unknown> = untilSignal(io)): Promise<number> {
  const flags = parseServeFlags(argv)
  if (!flags) {
    io.stdout.write(serveHelp)
    return exitCodes.ok
  }
  const dataDir = resolve(flags.dataDir ?? defaultServeDataDir(io.env))
  const refusal = keychainRefusal(dataDir)
  if (refusal) throw new UsageError(refusal)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  if (!isLoopback(flags.host)) {
    io.stderr.write(`kyc-desk serve: WARNING: listening on ${flags.host}: the connection is plain http, readable by anyone on that network.\n`)
  }
  let mode
  try {
    mode = await startBrowserMode({
      dataDir,
      appVersion: packageVersion(),
      keyProvider: serveKeyProvider(io.env, flags.keyFile, dataDir),
      rendererRoot: join(projectRoot, 'out', 'renderer'),
      host: flags.host,
      port: flags.port,
      training: trainingLauncher(dataDir, join(projectRoot, 'resources')),
      ...(flags.platform ? { platform: flags.platform } : {}),
      logEcho: (line) => io.stderr.write(`${line}\n`),
    })
  } catch (error) {
    if (error instanceof PortInUseError) throw new UsageError(error.message)
    throw error
  }
  io.stdout.write(`${JSON.stringify({ url: mode.url, dataDir, training: mode.training })}\n`)
  if (flags.open && !io.env['CI']) openInBrowser(mode.url, process.platform, io.env)
  await stop
  io.stderr.write('kyc-desk serve: closing (committing the steps in hand)\n')
  await mode.close()
  io.stderr.write('kyc-desk serve: closed\n')
  return exitCodes.ok
}
