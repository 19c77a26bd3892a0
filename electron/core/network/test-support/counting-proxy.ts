import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createProxy } from 'proxy'

export interface ProxiedRequest {
  /** `CONNECT` for a tunnel (https), else the forwarded request's method. */
  readonly method: string
  /** `host:port` for a tunnel, the absolute URL otherwise. */
  readonly target: string
  /** Whether the proxy let it through (false: answered 407). */
  readonly admitted: boolean
}

/** Where the proxy's own connections onward come from: a served request from elsewhere did not come through it. */
export const PROXY_UPSTREAM_ADDRESS = '127.0.0.2'

/**
 * A real HTTP/CONNECT proxy on this machine (the `proxy` package) that records every request it
 * is given and connects onward from its own address, so a test can prove that all of a sync's
 * traffic went through it (a kept-alive tunnel carries many requests for one CONNECT). With
 * `credentials` it answers 407 to any request without them, as a bank's proxy does.
 */
export async function startCountingProxy(options: { credentials?: { username: string; password: string } } = {}) {
  const server = createProxy(createServer())
  const seen: ProxiedRequest[] = []
  server.localAddress = PROXY_UPSTREAM_ADDRESS
  // Connections from clients: with keep-alive, fewer than the requests they carry.
  let connections = 0
  server.on('connection', () => (connections += 1))
  const expected = options.credentials ? `Basic ${Buffer.from(`${options.credentials.username}:${options.credentials.password}`).toString('base64')}` : null
  server.authenticate = (req: IncomingMessage) => {
    const admitted = expected === null || req.headers['proxy-authorization'] === expected
    seen.push({ method: req.method ?? '', target: req.url ?? '', admitted })
    return admitted
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
export type CountingProxy = Awaited<ReturnType<typeof startCountingProxy>>
