import { parseArgs } from 'node:util'
import { UsageError } from '../io'

export interface ServeFlags {
  readonly host: string
  readonly port: number
  readonly dataDir: string | null
  readonly keyFile: string | null
  readonly open: boolean
  readonly platform: string | null
}

export const serveHelp = `Usage: kyc-desk serve [options]

Runs the app in your browser: the same core as the desktop app, served on this computer only.
Prints one JSON line {"url", "dataDir", "training"} when ready; open the url (it works once).

Options:
  --host ADDR       address to bind (default 127.0.0.1; anything else is plain http on a network)
  --port N          port (default 0: any free one)
  --data DIR        data folder (default $XDG_DATA_HOME/kyc-desk-serve)
  --key-file FILE   key-encryption key file (default: browser-mode.key in the data folder;
                    KYC_DESK_KEY in the environment wins)
  --platform URL    the platform's base URL (default: training mode with the built-in sandbox)
  --no-open         do not open the system browser
  -h, --help        this text
`

const loopback = new Set(['127.0.0.1', '::1', 'localhost'])

export function isLoopback(host: string): boolean {
  return loopback.has(host)
}

/** The parsed flags, or null for --help. */
export function parseServeFlags(argv: readonly string[]): ServeFlags | null {
  let values
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        data: { type: 'string' },
        'key-file': { type: 'string' },
        platform: { type: 'string' },
        'no-open': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }).values
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  if (values.help) return null
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}"`)
  if (values.platform !== undefined && !/^https?:\/\/[^\s]+$/.test(values.platform)) throw new UsageError(`--platform must be an http(s) URL, not "${values.platform}"`)
  // "localhost" may resolve to another address than the one the browser uses: bind the address itself.
  const host = values.host === 'localhost' || values.host === undefined ? '127.0.0.1' : values.host
  return {
    host,
    port,
    dataDir: values.data ?? null,
    keyFile: values['key-file'] ?? null,
    open: !values['no-open'],
    platform: values.platform ?? null,
  }
}
