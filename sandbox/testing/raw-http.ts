import { request } from 'node:http'

// Test support: HTTP requests sent exactly as written (fetch would normalise `..` and reject odd
// headers), and a way to observe connections the server drops.

export interface RawRequest {
  method: string
  /** Sent verbatim, e.g. `/kyc-sandbox/kyc/1/../x`. */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export type RawOutcome = { kind: 'response'; response: RawResponse } | { kind: 'dropped'; error: string }

export function sendRaw(baseUrl: string, raw: RawRequest): Promise<RawOutcome> {
  const url = new URL(baseUrl)
  return new Promise((resolve) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, method: raw.method, path: raw.path, headers: raw.headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('end', () =>
          resolve({ kind: 'response', response: { status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') } }),
        )
        incoming.on('error', (error) => resolve({ kind: 'dropped', error: error.message }))
      },
    )
    outgoing.on('error', (error) => resolve({ kind: 'dropped', error: error.message }))
    outgoing.end(raw.body)
  })
}

export async function sendRawExpectingResponse(baseUrl: string, raw: RawRequest): Promise<RawResponse> {
  const outcome = await sendRaw(baseUrl, raw)
  if (outcome.kind !== 'response') throw new Error(`connection dropped: ${outcome.error}`)
  return outcome.response
}

/** Writes bytes straight to a TCP connection and collects whatever comes back until it closes. */
export function sendRawBytes(baseUrl: string, bytes: string | Buffer): Promise<string> {
  const url = new URL(baseUrl)
  return import('node:net').then(
    ({ connect }) =>
      new Promise((resolve) => {
        const chunks: Buffer[] = []
        const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes))
        socket.setTimeout(2000, () => socket.destroy())
        socket.on('data', (chunk: Buffer) => chunks.push(chunk))
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')))
        socket.on('error', () => undefined)
      }),
  )
}
