import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAdminToken } from './admin/admin-auth'
import { ADMIN_PREFIX, buildApiServer } from './platform/api-server'
import { systemClock } from './common/clock'
import { ShapedLink, shapedFront } from './link/shaped-link'
import { randomBase62, randomDigits } from './common/random-ids'
import { createFaultInjector } from './faults/fault-injector'
import { startReaderEmulator, type RunningReaderEmulator } from './id-reader/reader-emulator'
import { createOssServer } from './oss/oss-server'
import type { SandboxOptions } from './options'
import { resolveOptions } from './options'
import { ensureSeedAccounts, restoreSeedAccounts } from './store/accounts'
import { openSandboxStore } from './store/sandbox-store'
import type { SandboxUser } from './store/users'
import { generateSandboxCertificates, serverNames } from './tls/certificates'
import { trustingFetch } from './tls/trusting-fetch'

export type { SandboxOptions } from './options'
export { DEFAULT_API_PORT, DEFAULT_OSS_PORT } from './options'
export type { SandboxUser } from './store/users'

/** The sandbox's admin API for whoever started it: its address, and calls that carry this run's token. */
export interface SandboxAdmin {
  /** Base URL (on the API server, under /__admin). */
  readonly url: string
  /** Sent as `Authorization: Bearer <token>`; printed as `adminToken` in the command line's ready line. */
  readonly token: string
  /** `fetch` of `<url><path>` with the token (and a JSON content type when there is a body). */
  fetch(path: string, init?: RequestInit): Promise<Response>
}

/** `ca`: the PEM a `--tls` sandbox's certificate chains to. */
export function sandboxAdmin(url: string, token: string, ca?: string): SandboxAdmin {
  const send = ca === undefined ? fetch : trustingFetch(ca)
  return {
    url,
    token,
    fetch: (path, init = {}) => {
      const headers = new Headers(init.headers)
      headers.set('authorization', `Bearer ${token}`)
      if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json')
      return send(`${url}${path}`, { ...init, headers })
    },
  }
}

export interface RunningSandbox {
  /** Platform API base URL (`baseUrl` of the contract). */
  api: string
  /** OSS endpoint URL, for ali-oss `endpoint`. */
  oss: string
  bucket: string
  /** ali-oss `region` option the endpoint signs with (V4). */
  region: string
  /** The admin API, with this run's token. */
  admin: SandboxAdmin
  /** Face-check pages are `<verifyPageBase><verifyToken>`. */
  verifyPageBase: string
  dataDir: string
  /** With `tls`: the PEM file of the CA that signed both servers' certificate; null over plain http. */
  caFile: string | null
  /** The demo accounts. */
  users: SandboxUser[]
  /** The ID card reader emulator, when started (`idCardReader`); its admin API takes `admin.token`. */
  idCardReader: RunningReaderEmulator | null
  close(): Promise<void>
}

/** A URL host for a bound address: loopback for wildcard binds, brackets for IPv6. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1'
  if (host === '::') return '[::1]'
  return host.includes(':') ? `[${host}]` : host
}

/** The same server under another name, so a page can hop origins: `127.0.0.1` and `localhost` swap. */
function secondOrigin(base: string): string {
  const url = new URL(base)
  url.hostname = url.hostname === 'localhost' ? '127.0.0.1' : 'localhost'
  return url.origin
}

function listen(server: Server | HttpsServer, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

function closeServer(server: Server | HttpsServer): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve()
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

/**
 * Starts the platform API (with admin API and face-check page) and the OSS endpoint, each on its
 * own port like two separate hosts, sharing one data folder. Resolves once both accept requests.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const settings = resolveOptions(options)
  const clock = options.clock ?? systemClock
  const log = options.log ?? (() => undefined)
  const ownsDataDir = settings.dataDir === undefined
  const dataDir = settings.dataDir ?? mkdtempSync(join(tmpdir(), 'kyc-sandbox-'))
  mkdirSync(dataDir, { recursive: true })
  const store = openSandboxStore(dataDir)
  const faults = createFaultInjector()

  const accountId = store.meta.getOrCreate('account-id', () => `1${randomDigits(15)}`)
  const account = {
    accessKeyId: store.meta.getOrCreate('account-access-key-id', () => `LTAI${randomBase62(20)}`),
    accessKeySecret: store.meta.getOrCreate('account-access-key-secret', () => randomBase62(30)),
  }
  const seeds = ensureSeedAccounts(store.users, clock, settings.seedUsers)
  const urls = { api: '', oss: '' }
  const fronts: { close(): Promise<void> }[] = []
  // New every run, never stored: only whoever started this run can call the admin API.
  const adminToken = createAdminToken()

  const certificates = settings.tls ? await generateSandboxCertificates(serverNames(settings.host, settings.bucket)) : null
  const tls = certificates ? { key: certificates.serverKey, cert: certificates.serverCert } : undefined
  const caFile = certificates ? join(dataDir, 'ca.pem') : null
  if (certificates && caFile) writeFileSync(caFile, certificates.caCert, { mode: 0o644 })
  const scheme = tls ? 'https' : 'http'

  const ossServer = createOssServer({
    store, bucket: settings.bucket, region: settings.region, accountId, account, clock, faults, maxObjectBytes: settings.maxObjectBytes, log,
    ...(tls ? { tls } : {}),
  })
  const apiServer = buildApiServer({
    platform: {
      store, bucket: settings.bucket, accountId, clock,
      stsTtlSeconds: settings.stsTtlSeconds,
      verifyTokenTtlSeconds: settings.verifyTokenTtlSeconds,
      tokenTtlSeconds: settings.tokenTtlSeconds ?? null,
      verifyUrlFor: (verifyToken) => `${urls.api}/verify/${verifyToken}`,
      appTokenShape: settings.appTokenShape,
      echoStyle: settings.echoStyle,
      region: settings.region,
      verifyHopOrigin: () => (settings.verifyHop ? secondOrigin(urls.api) : ''),
    },
    admin: {
      info: () => ({
        api: urls.api, oss: urls.oss, bucket: settings.bucket, region: settings.region, admin: `${urls.api}${ADMIN_PREFIX}`,
        verifyPageBase: `${urls.api}/verify/`, dataDir, stsTtlSeconds: settings.stsTtlSeconds,
        verifyTokenTtlSeconds: settings.verifyTokenTtlSeconds, maxObjectBytes: settings.maxObjectBytes, accountAccessKey: account,
      }),
      reset: async () => {
        faults.clear()
        await store.reset()
        restoreSeedAccounts(store.users, clock, seeds)
      },
      guard: { token: adminToken, boundHost: settings.host },
    },
    faults,
    log,
    ...(tls ? { tls } : {}),
  })

  let idCardReader: RunningReaderEmulator | null = null
  try {
    // With a shaped link the servers take any port and the link's fronts the ones asked for.
    const shaped = settings.link ? new ShapedLink(settings.link) : null
    const ossPort = await listen(ossServer, settings.host, shaped ? 0 : settings.ossPort)
    await apiServer.listen({ host: settings.host, port: shaped ? 0 : settings.apiPort })
    const apiPort = (apiServer.server.address() as AddressInfo).port
    const front = async (port: number, target: number) => {
      if (!shaped) return target
      const opened = await shapedFront(shaped, settings.host, port, target)
      fronts.push(opened)
      return opened.port
    }
    urls.oss = `${scheme}://${urlHost(settings.host)}:${await front(settings.ossPort, ossPort)}`
    urls.api = `${scheme}://${urlHost(settings.host)}:${await front(settings.apiPort, apiPort)}`
    idCardReader = settings.idCardReader ? await startReaderEmulator({ guard: { token: adminToken, boundHost: '127.0.0.1' } }) : null
  } catch (error) {
    await idCardReader?.close()
    await Promise.all(fronts.map((f) => f.close()))
    await closeServer(ossServer)
    await apiServer.close()
    store.close()
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true })
    throw error
  }

  let closing: Promise<void> | null = null
  return {
    api: urls.api,
    oss: urls.oss,
    bucket: settings.bucket,
    region: settings.region,
    admin: sandboxAdmin(`${urls.api}${ADMIN_PREFIX}`, adminToken, certificates?.caCert),
    verifyPageBase: `${urls.api}/verify/`,
    dataDir,
    caFile,
    users: seeds.map((user) => ({ ...user })),
    idCardReader,
    close() {
      closing ??= (async () => {
        await Promise.all([apiServer.close(), closeServer(ossServer), ...fronts.map((f) => f.close()), idCardReader?.close()])
        store.close()
        if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true })
      })()
      return closing
    },
  }
}
