import { request } from 'node:https'

/**
 * `fetch` for the admin API of a `--tls` sandbox: Node's global fetch cannot be given a CA, and
 * the sandbox's own CA is what its certificate chains to. Text bodies only, as the admin API uses.
 */
export function trustingFetch(ca: string): (url: string, init?: RequestInit) => Promise<Response> {
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = {}
      new Headers(init.headers).forEach((value, name) => (headers[name] = value))
      const body = typeof init.body === 'string' ? init.body : undefined
      if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body))
      const req = request(url, { method: init.method ?? 'GET', headers, ca, rejectUnauthorized: true }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.once('error', reject)
        res.once('end', () => {
          const responseHeaders = new Headers()
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') responseHeaders.set(name, value)
          const status = res.statusCode ?? 500
          resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers: responseHeaders }))
        })
      })
      req.once('error', reject)
      req.end(body)
    })
}
