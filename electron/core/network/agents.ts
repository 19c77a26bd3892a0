import type { Agent, ClientRequest } from 'node:http'
import { createSecureContext, rootCertificates } from 'node:tls'
import { ProxyAgent } from 'proxy-agent'
import type { ProxySettings } from '../../../shared/domain/network-settings'
import { certificateFailure, nodeErrorCode, proxyAuthRequired, proxyConnectRefused, proxyUnreachable, type NetworkFailure } from './network-failure'
import { isBypassed, proxyForDisplay, proxyFromPacAnswer, proxyUrlWithCredentials } from './proxy-rules'

/** The operating system's proxy for a URL, as a PAC answer (`PROXY host:port; DIRECT`): Electron's `session.resolveProxy`. */
export type SystemProxyResolver = (url: string) => Promise<string>

export interface RequestAgentOptions {
  readonly proxy: ProxySettings
  /** PEM certificates trusted besides Node's own roots (a TLS-inspecting proxy's CA). */
  readonly extraCa: readonly string[]
  /** How "system" is resolved in Electron; absent (command line, browser mode): HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  readonly systemProxy?: SystemProxyResolver | undefined
}

type ProxyLookup = (url: string) => Promise<string>
type ConnectOptions = Parameters<ProxyAgent['connect']>[1]
type ProxyAgentOptions = NonNullable<ConstructorParameters<typeof ProxyAgent>[0]>

/**
 * Connections kept open between requests (an applicant's nine would otherwise each pay a TCP and
 * TLS handshake, through the proxy too). Idle ones close after 4 s, before the usual 5 s a server
 * keeps them, so a socket the server is closing is not reused.
 */
const connectionPool = { keepAlive: true, maxSockets: 32, maxFreeSockets: 8, timeout: 4_000 } as const

/**
 * proxy-agent for one protocol, remembering which requests' CONNECT the proxy refused (their
 * answer is replayed as the response). One per protocol because agent-base, asked for a shared
 * agent's protocol, captures a stack trace per request to find out.
 */
class ObservedProxyAgent extends ProxyAgent {
  readonly #secure: boolean

  constructor(
    protocol: 'http:' | 'https:',
    options: ProxyAgentOptions,
    private readonly refusedTunnels: WeakMap<object, number>,
  ) {
    super(options)
    this.#secure = protocol === 'https:'
    this.protocol = protocol
    // The pool lives in the agents this one hands each request to; a limit here would queue requests it never frees.
    this.maxSockets = Infinity
    this.maxTotalSockets = Infinity
  }

  override isSecureEndpoint(): boolean {
    return this.#secure
  }

  override async connect(req: ClientRequest, opts: ConnectOptions): Promise<Agent> {
    req.once('proxyConnect', (connect: { statusCode?: number }) => {
      if (connect.statusCode !== undefined && connect.statusCode !== 200) this.refusedTunnels.set(req, connect.statusCode)
    })
    const agent = await super.connect(req, opts)
    // http-proxy-agent rewrites a request's path for the proxy only when it opens a connection.
    if (!this.#secure && agent !== this.httpAgent) req.shouldKeepAlive = false
    return agent
  }
}

/** What a request came back with, for `failureOf`: a thrown error, or a response and its request. */
export type RequestEnd = { readonly error: unknown } | { readonly status: number; readonly request: unknown; readonly fromOrigin?: boolean }

/**
 * The one way the core makes requests leave this machine: an agent for http and https alike
 * (the platform client, ali-oss, the connectivity probe and the connection test all take it),
 * through the configured proxy, and verifying certificates against Node's roots plus the extra
 * CAs whatever NODE_TLS_REJECT_UNAUTHORIZED says.
 */
export interface RequestAgent {
  /** By the request's protocol (axios' httpAgent/httpsAgent, urllib's agent/httpsAgent). */
  readonly agents: { readonly http: Agent; readonly https: Agent }
  /** The proxy (credentials included) a request to this URL goes through; '' for a direct one. */
  proxyFor(url: string): Promise<string>
  /** When a request failed because of the proxy or a certificate, which and what IT must do; else null. */
  failureOf(url: string, end: RequestEnd): Promise<NetworkFailure | null>
  destroy(): void
}

/** Connection errors that, with a proxy in the way, can only be the proxy's: the target is its to reach. */
const proxyConnectionCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET'])

function lookupFor(options: RequestAgentOptions): ProxyLookup | null {
  const { proxy, systemProxy } = options
  switch (proxy.mode) {
    case 'none':
      return () => Promise.resolve('')
    case 'manual': {
      const url = proxyUrlWithCredentials(proxy.url, proxy.username, proxy.password)
      return (target) => Promise.resolve(isBypassed(target, proxy.bypass) ? '' : url)
    }
    case 'system':
      return systemProxy ? async (target) => proxyFromPacAnswer(await systemProxy(target)) : null
  }
}

export function createRequestAgent(options: RequestAgentOptions): RequestAgent {
  const lookup = lookupFor(options)
  const agentOptions: ProxyAgentOptions = {
    ...connectionPool,
    // Built once, not per connection: a `ca` option makes every new connection parse the 140-odd
    // roots again and puts them all in each pool key. Direct and tunnelled TLS both get this context.
    secureContext: createSecureContext({ ca: [...rootCertificates, ...options.extraCa] }),
    // Explicit, so NODE_TLS_REJECT_UNAUTHORIZED=0 in someone's environment cannot turn checks off.
    rejectUnauthorized: true,
    ...(lookup ? { getProxyForUrl: lookup } : {}),
  }
  const refusedTunnels = new WeakMap<object, number>()
  const agents = { http: new ObservedProxyAgent('http:', agentOptions, refusedTunnels), https: new ObservedProxyAgent('https:', agentOptions, refusedTunnels) }
  // Without a lookup of ours, proxy-agent's default reads the environment (proxy-from-env), from the URL alone.
  const proxyFor: ProxyLookup = lookup ?? (async (url) => (agents.https.getProxyForUrl as (url: string) => string | Promise<string>)(url))

  return {
    agents,
    proxyFor,
    async failureOf(url, end) {
      const host = new URL(url).host
      if ('error' in end) {
        const code = nodeErrorCode(end.error)
        const certificate = certificateFailure(code, host)
        if (certificate) return certificate
        const proxy = await proxyFor(url)
        if (proxy !== '' && code !== undefined && proxyConnectionCodes.has(code)) return proxyUnreachable(proxyForDisplay(proxy), code)
        return null
      }
      const proxy = await proxyFor(url)
      if (proxy === '') return null
      if (end.status === 407) return proxyAuthRequired(proxyForDisplay(proxy))
      const refused = typeof end.request === 'object' && end.request !== null ? refusedTunnels.get(end.request) : undefined
      if (refused !== undefined || end.fromOrigin === false) return proxyConnectRefused(proxyForDisplay(proxy), host, refused ?? end.status)
      return null
    },
    destroy: () => {
      agents.http.destroy()
      agents.https.destroy()
    },
  }
}
