import { request } from 'node:http'
import { isIP } from 'node:net'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'

/**
 * A GET to a vendor reader service on this machine, and nowhere else. Some vendor services listen
 * on every interface, and a name like `localhost` can be remapped: the address is checked when it
 * is resolved and again on the socket that answered, so the card never crosses a network.
 */
export class NotLoopbackError extends Error {
  constructor(readonly address: string) {
    super(`the reader service must answer on this machine, not on ${address}`)
    this.name = 'NotLoopbackError'
  }
}

export class ServiceUnreachableError extends Error {
  constructor(readonly reason: 'refused' | 'timeout' | 'reset' | 'http-status', detail: string) {
    super(`the reader service did not answer: ${detail}`)
    this.name = 'ServiceUnreachableError'
  }
}

export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^::ffff:/i, '')
  if (isIP(bare) === 4) return bare.startsWith('127.')
  return bare === '::1'
}

const MAX_BODY_BYTES = 512 * 1024

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

function loopbackOnlyLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, [])
    const found = addresses.find((entry) => isLoopbackAddress(entry.address))
    if (!found) return callback(new NotLoopbackError(addresses[0]?.address ?? hostname), [])
    const wantsAll = 'all' in options && options.all === true
    if (wantsAll) return callback(null, [found])
    callback(null, found.address, found.family)
  })
}

/** The body text of `url`, within `timeoutMs`; throws NotLoopbackError or ServiceUnreachableError. */
export function loopbackGet(url: URL, options: { timeoutMs: number; signal: AbortSignal }): Promise<string> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '')
    if (isIP(host) !== 0 && !isLoopbackAddress(host)) return reject(new NotLoopbackError(host))
    const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)])
    const req = request(url, { method: 'GET', lookup: loopbackOnlyLookup, signal, headers: { accept: 'application/json, text/plain, */*' } }, (res) => {
      const remote = res.socket.remoteAddress ?? ''
      if (!isLoopbackAddress(remote)) {
        res.destroy()
        return reject(new NotLoopbackError(remote))
      }
      if ((res.statusCode ?? 0) >= 400) {
        res.resume()
        return reject(new ServiceUnreachableError('http-status', `HTTP ${res.statusCode}`))
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_BODY_BYTES) res.destroy(new Error('reply too large'))
        else chunks.push(chunk)
      })
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      res.on('error', (error) => reject(new ServiceUnreachableError('reset', error.message)))
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof NotLoopbackError) return reject(error)
      if (options.signal.aborted) return reject(options.signal.reason instanceof Error ? options.signal.reason : new Error('aborted'))
      const reason = signal.aborted ? 'timeout' : error.code === 'ECONNREFUSED' ? 'refused' : 'reset'
      reject(new ServiceUnreachableError(reason, error.code ?? error.message))
    })
    req.end()
  })
}

/** Vendor services cache GETs; every call gets a fresh `random` (ZK) or `t` (华视) parameter. */
export function withAntiCache(url: URL, name: string, random: () => number): URL {
  const copy = new URL(url)
  copy.searchParams.set(name, String(Math.floor(random() * 1e9)))
  return copy
}
