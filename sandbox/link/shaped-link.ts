import { createServer, connect, type Server, type Socket } from 'node:net'

/** A branch office's line as the sandbox plays it (the `link` option). */
export interface LinkShape {
  /** Added to every request on its way in (one way), as a WAN's round trip adds. */
  readonly latencyMs: number
  /** Upload bandwidth shared by every connection to the API and OSS, in Mbit/s. */
  readonly uploadMbps: number
}

/** Client-to-server bytes waiting in the shaper before the client is paused (backpressure). */
const MAX_PENDING_BYTES = 256 * 1024

/**
 * One upload line shared by every connection: bytes go out one after another at the line's rate,
 * and each arrives `latencyMs` after it left. Downloads are not shaped.
 */
export class ShapedLink {
  private freeAt = 0

  constructor(
    private readonly shape: LinkShape,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** When `bytes` sent now reach the server: after the bytes ahead of them, at the line's rate, plus latency. */
  arrival(bytes: number): number {
    const start = Math.max(this.now(), this.freeAt)
    this.freeAt = start + (bytes * 8) / (this.shape.uploadMbps * 1000)
    return this.freeAt + this.shape.latencyMs
  }
}

/** One client connection through the link to `port`; request bytes in order, each at its arrival time. */
function relay(client: Socket, port: number, host: string, link: ShapedLink): void {
  const upstream = connect(port, host)
  let chain = Promise.resolve()
  let pending = 0
  const fail = () => {
    client.destroy()
    upstream.destroy()
  }
  client.on('data', (chunk: Buffer) => {
    const at = link.arrival(chunk.length)
    pending += chunk.length
    if (pending > MAX_PENDING_BYTES) client.pause()
    chain = chain.then(async () => {
      const wait = at - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      upstream.write(chunk)
      pending -= chunk.length
      if (pending <= MAX_PENDING_BYTES && client.isPaused()) client.resume()
    })
  })
  client.on('end', () => void chain.then(() => upstream.end()))
  upstream.pipe(client)
  client.on('error', fail)
  upstream.on('error', fail)
  client.on('close', () => upstream.destroy())
}

/** A TCP front for a server on `target`, shaped by `link`; listens on `port` (0 = any). */
export async function shapedFront(link: ShapedLink, host: string, port: number, target: number): Promise<{ port: number; close(): Promise<void> }> {
  const clients = new Set<Socket>()
  const server: Server = createServer((client) => {
    clients.add(client)
    client.on('close', () => clients.delete(client))
    relay(client, target, host, link)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('the shaped link has no port')
  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const client of clients) client.destroy()
      }),
  }
}
