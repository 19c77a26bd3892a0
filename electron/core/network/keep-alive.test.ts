import { createServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import tls from 'node:tls'
import { ProxyAgent } from 'proxy-agent'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { generateSandboxCertificates } from '../../../sandbox/tls/certificates'
import type { ProxySettings } from '../../../shared/domain/network-settings'
import { headThrough, type HeadResult } from './agent-request'
import { createRequestAgent, type RequestAgent } from './agents'
import { startCountingProxy, type CountingProxy } from './test-support/counting-proxy'

const noProxy: ProxySettings = { mode: 'none', url: '', username: '', password: '', bypass: [] }
const manual = (url: string): ProxySettings => ({ mode: 'manual', url, username: '', password: '', bypass: [] })

const cleanups: (() => unknown)[] = []
const rejectUnauthorizedBefore = process.env['NODE_TLS_REJECT_UNAUTHORIZED']
afterEach(async () => {
  vi.restoreAllMocks()
  if (rejectUnauthorizedBefore === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED']
  else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = rejectUnauthorizedBefore
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A server answering 204 that counts the connections it accepted. */
async function origin(options: { tls?: boolean } = {}) {
  const certificates = options.tls ? await generateSandboxCertificates({ dns: ['localhost'], ips: ['127.0.0.1'] }) : null
  const server: Server = certificates ? createHttpsServer({ key: certificates.serverKey, cert: certificates.serverCert }) : createServer()
  server.on('request', (_req, res) => res.writeHead(204).end())
  let connections = 0
  server.on(certificates ? 'secureConnection' : 'connection', () => (connections += 1))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))))
  const scheme = certificates ? 'https' : 'http'
  return { url: `${scheme}://localhost:${(server.address() as AddressInfo).port}/ping`, ca: certificates ? [certificates.caCert] : [], connections: () => connections }
}

function agentFor(proxy: ProxySettings, extraCa: string[]): RequestAgent {
  const network = createRequestAgent({ proxy, extraCa })
  cleanups.push(() => network.destroy())
  return network
}

async function counting(): Promise<CountingProxy> {
  const proxy = await startCountingProxy()
  cleanups.push(() => proxy.close())
  return proxy
}

async function twoInARow(network: RequestAgent, url: string) {
  for (const _ of [1, 2]) expect(await headThrough(network, url, 5_000)).toMatchObject({ ok: true, status: 204 })
}

describe('two requests in a row share one connection', () => {
  it('direct, over http and over https', async () => {
    for (const tls of [false, true]) {
      const server = await origin({ tls })
      await twoInARow(agentFor(noProxy, server.ca), server.url)
      expect(server.connections()).toBe(1)
    }
  })

  it('through a proxy, over https: one CONNECT tunnel', async () => {
    const secure = await origin({ tls: true })
    const tunnelling = await counting()
    await twoInARow(agentFor(manual(tunnelling.url), secure.ca), secure.url)
    expect(tunnelling.seen.map((r) => r.method)).toEqual(['CONNECT'])
    expect(secure.connections()).toBe(1)
  })
})

describe('what keep-alive must not change', () => {
  it('plain http through a proxy: each request sent whole to it, on a connection of its own', async () => {
    // http-proxy-agent makes the path absolute only when it connects: a reused socket would get `HEAD /ping`.
    const plain = await origin()
    const proxy = await counting()
    await twoInARow(agentFor(manual(proxy.url), []), plain.url)
    expect(proxy.seen.map((r) => `${r.method} ${r.target}`)).toEqual([`HEAD ${plain.url}`, `HEAD ${plain.url}`])
    expect(proxy.connections()).toBe(2)
  })

  it('a refused CONNECT is reported each time, its replayed answer never reused', async () => {
    const secure = await origin({ tls: true })
    const refusing = createServer()
    let connects = 0
    refusing.on('connect', (_req, socket) => {
      connects += 1
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n')
    })
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => refusing.close(() => resolve())))
    const network = agentFor(manual(`http://127.0.0.1:${(refusing.address() as AddressInfo).port}`), secure.ca)
    for (const _ of [1, 2]) {
      const result = await headThrough(network, secure.url, 5_000)
      if (!result.ok) throw new Error('expected the proxy to answer')
      expect(await network.failureOf(secure.url, { status: result.status, request: result.request })).toMatchObject({ code: 'PROXY_CONNECT_REFUSED', reason: { status: 403 } })
    }
    expect(connects).toBe(2)
  })

  it('tells http from https without capturing a stack trace per request', async () => {
    const plain = await origin()
    const secure = await origin({ tls: true })
    const network = agentFor(noProxy, secure.ca)
    // agent-base, when not told the protocol, reads `new Error().stack` to see whether https called it.
    let traces = 0
    const previous = Error.prepareStackTrace
    Error.prepareStackTrace = (error, sites) => {
      if (sites.some((site) => (site.getFileName() ?? '').includes('agent-base'))) traces += 1
      return previous ? previous(error, sites) : `${String(error)}\n${sites.map((site) => `    at ${String(site)}`).join('\n')}`
    }
    try {
      await twoInARow(network, plain.url)
      await twoInARow(network, secure.url)
    } finally {
      Error.prepareStackTrace = previous
    }
    expect(traces).toBe(0)
  })
})

/** The pool keys of the agents that hold https connections: direct, and each proxy's tunnels. */
function httpsPoolKeys(network: RequestAgent): string[] {
  const outer = network.agents.https
  if (!(outer instanceof ProxyAgent)) throw new Error('expected the https agent to be a proxy-agent')
  return [outer.httpsAgent, ...outer.cache.values()].flatMap((agent) => [...Object.keys(agent.sockets), ...Object.keys(agent.freeSockets)])
}

describe('certificates: one secure context per agent, checked on every connection', () => {
  it('builds none per connection and keeps the certificates out of the pool key, direct and through a tunnel', async () => {
    const secure = await origin({ tls: true })
    // Two hosts its certificate covers: two pool keys, so two connections for each agent.
    const urls = [secure.url, secure.url.replace('localhost', '127.0.0.1')]
    const direct = agentFor(noProxy, secure.ca)
    const tunnelled = agentFor(manual((await counting()).url), secure.ca)
    // Node's tls.connect builds a context from a `ca` option (parsing the 140-odd roots) unless given one.
    const contextsBuilt = vi.spyOn(tls, 'createSecureContext')
    for (const network of [direct, tunnelled]) for (const url of urls) await twoInARow(network, url)
    expect(secure.connections()).toBe(4)
    expect(contextsBuilt).not.toHaveBeenCalled()
    for (const network of [direct, tunnelled]) {
      const keys = httpsPoolKeys(network)
      expect(keys).toHaveLength(2)
      for (const key of keys) expect(key).not.toContain('BEGIN CERTIFICATE')
    }
  })

  it('refuses an origin whose CA is not trusted, direct and through a tunnel, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'
    const unknown = await origin({ tls: true })
    const trusted = await origin({ tls: true })
    for (const network of [agentFor(noProxy, trusted.ca), agentFor(manual((await counting()).url), trusted.ca)]) {
      const end: HeadResult = await headThrough(network, unknown.url, 5_000)
      if (end.ok) throw new Error(`expected the handshake to fail, got ${end.status}`)
      expect(await network.failureOf(unknown.url, end)).toMatchObject({ code: 'CERT_UNTRUSTED' })
      expect(await headThrough(network, trusted.url, 5_000)).toMatchObject({ ok: true, status: 204 })
    }
    expect(unknown.connections()).toBe(0)
  })
})
