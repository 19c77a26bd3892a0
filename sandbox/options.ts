import type { LinkShape } from './link/shaped-link'
import { z } from 'zod'
import { isLoopbackHost } from './admin/admin-auth'
import type { Clock } from './common/clock'

/** Fixed default ports (training mode and `npx kyc-desk sandbox`); 0 picks any free port. */
export const DEFAULT_API_PORT = 17301
export const DEFAULT_OSS_PORT = 17302

export interface SandboxOptions {
  /** Interface to bind, default 127.0.0.1 (loopback only); any other needs `allowRemote`. */
  host?: string
  /** Accept a `host` other than loopback: the sandbox then serves demo identities to the network. */
  allowRemote?: boolean
  /** Platform API (and admin, verify page) port; default 17301, 0 = any free port. */
  apiPort?: number
  /** OSS endpoint port; default 17302, 0 = any free port. */
  ossPort?: number
  /**
   * Folder for `sandbox.sqlite` and `objects/`, kept after close. Default (and what training mode
   * should use): a fresh temporary folder, removed on close, so no identity or image outlives the run.
   */
  dataDir?: string
  /** Lifetime of STS credentials from /user/getsts; default 900 (15 minutes). */
  stsTtlSeconds?: number
  /** Lifetime of a face-check verifyToken from /ali/appToken; default 1800 (30 minutes). */
  verifyTokenTtlSeconds?: number
  /**
   * Lifetime of a customer token from its issue (account creation or `POST /__admin/users/:uid/token`);
   * past it every call answers -1001 用户未登录或登录已失效，请重新登录. Default: tokens never expire.
   */
  tokenTtlSeconds?: number
  /** Demo accounts created at start (and kept in the data folder); default 3. */
  seedUsers?: number
  /** The one bucket the OSS endpoint hosts; default `kyc-sandbox`. */
  bucket?: string
  /** ali-oss region option the endpoint expects for V4 signing; default `oss-cn-hangzhou` (ali-oss's own default). */
  region?: string
  /** Largest object a PUT may carry; default 20 MiB. */
  maxObjectBytes?: number
  /**
   * What `/ali/appToken` answers for source=1, to play each documented platform shape: `object`
   * `{verifyToken, verifyUrl}` (default), `url` (the page as a string), `token` (the bare token),
   * `null` (the platform document's own example).
   */
  appTokenShape?: AppTokenShape
  /**
   * How `/user/authinfoNew` echoes a record, to play platforms that do not echo verbatim: `exact`
   * (default), `masked` (idNumber with the middle starred), `datetime` (dates as midnight date-times
   * or epoch ms, codes as strings), `url` (images as signed CDN URLs).
   */
  echoStyle?: EchoStyle
  /** The verify page's buttons post to a second origin (`localhost` for `127.0.0.1`), as a vendor's H5 flow does. */
  verifyHop?: boolean
  /**
   * Serve both ports over https with a CA made for this run; its PEM is written to `ca.pem` in
   * the data folder (`caFile` of the running sandbox), which a client must trust.
   */
  tls?: boolean
  /**
   * Plays a branch office's line in front of both servers: each request arrives `latencyMs` late
   * and uploads share `uploadMbps` (benchmarks). Default: loopback, unshaped.
   */
  link?: LinkShape
  /**
   * Also start the ID card reader emulator (sandbox/id-reader) on a free loopback port, speaking the
   * 华视 and ZKTeco web protocols; its admin API takes this run's admin token. Default off.
   */
  idCardReader?: boolean
  /** Time source for expiry, skew and date checks; default Date.now. */
  clock?: Clock
  /** Receives one line per request and per problem; default silent. `from`: a served request's peer, to tell its route. */
  log?: (line: string, from?: { readonly remoteAddress: string; readonly remotePort: number }) => void
}

export const appTokenShapes = ['object', 'url', 'token', 'null'] as const
export type AppTokenShape = (typeof appTokenShapes)[number]

export const echoStyles = ['exact', 'masked', 'datetime', 'url'] as const
export type EchoStyle = (typeof echoStyles)[number]

const port = z.number().int().min(0).max(65535)

/** OSS bucket naming: 3-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit. */
export const bucketNameSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'invalid OSS bucket name')

const optionsSchema = z.object({
  host: z.string().min(1).max(255).default('127.0.0.1'),
  allowRemote: z.boolean().default(false),
  apiPort: port.default(DEFAULT_API_PORT),
  ossPort: port.default(DEFAULT_OSS_PORT),
  dataDir: z.string().min(1).optional(),
  stsTtlSeconds: z.number().int().min(1).max(43_200).default(900),
  verifyTokenTtlSeconds: z.number().int().min(1).max(86_400).default(1800),
  seedUsers: z.number().int().min(0).max(100).default(3),
  bucket: bucketNameSchema.default('kyc-sandbox'),
  region: z.string().regex(/^oss-[a-z0-9-]+$/, 'region must look like oss-cn-hangzhou').default('oss-cn-hangzhou'),
  maxObjectBytes: z.number().int().min(1).max(1024 ** 3).default(20 * 1024 * 1024),
  appTokenShape: z.enum(appTokenShapes).default('object'),
  verifyHop: z.boolean().default(false),
  link: z.object({ latencyMs: z.number().int().min(0).max(10_000), uploadMbps: z.number().positive().max(100_000) }).strict().optional(),
  tokenTtlSeconds: z.number().int().min(1).max(31_536_000).optional(),
  echoStyle: z.enum(echoStyles).default('exact'),
  tls: z.boolean().default(false),
  idCardReader: z.boolean().default(false),
})

export type ResolvedOptions = z.infer<typeof optionsSchema>

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const { clock: _clock, log: _log, ...data } = options
  const parsed = optionsSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new TypeError(`invalid sandbox option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`)
  }
  if (!isLoopbackHost(parsed.data.host) && !parsed.data.allowRemote) {
    throw new TypeError(`invalid sandbox option host: ${parsed.data.host} is reachable from other machines; pass allowRemote (--allow-remote) to bind it anyway`)
  }
  return parsed.data
}
