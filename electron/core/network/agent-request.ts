import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { RequestAgent } from './agents'

export type HeadResult = { readonly ok: true; readonly status: number; readonly request: unknown; readonly fromOrigin: boolean } | { readonly ok: false; readonly error: unknown }

/**
 * A HEAD request through the request agent (proxy and certificate trust as configured), for
 * "does anything answer there": the connectivity probe and the connection test's OSS check.
 * `originHeader`: a header only the origin sends (OSS's x-oss-request-id), to tell it from a proxy.
 */
export function headThrough(network: RequestAgent, url: string, timeoutMs: number, originHeader?: string): Promise<HeadResult> {
  const secure = url.startsWith('https:')
  const send = secure ? httpsRequest : httpRequest
  return new Promise((resolve) => {
    const req = send(url, { method: 'HEAD', agent: secure ? network.agents.https : network.agents.http, timeout: timeoutMs }, (res) => {
      res.resume()
      const fromOrigin = originHeader === undefined || typeof res.headers[originHeader] === 'string'
      resolve({ ok: true, status: res.statusCode ?? 0, request: req, fromOrigin })
    })
    req.once('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`), { code: 'ETIMEDOUT' })))
    req.once('error', (error) => resolve({ ok: false, error }))
    req.end()
  })
}

/** The sync engine's "are we back online" probe, through the same agent as every other request. */
export function agentProbe(network: RequestAgent, url: string, timeoutMs = 5_000): () => Promise<boolean> {
  return async () => {
    const result = await headThrough(network, url, timeoutMs)
    if (!result.ok) return false
    // A proxy that cannot reach the platform answers for it (502, 407): that is not online.
    return (await network.failureOf(url, { status: result.status, request: result.request })) === null
  }
}
