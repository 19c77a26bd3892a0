import { createServer, connect } from 'node:net'
import { ShapedLink, shapedFront, type LinkShape } from '../../sandbox/link/shaped-link'

/**
 * How close the shaper itself comes to its own line: one bulk upload of `bytes` through a shaped
 * front to a sink, timed until the sink has every byte, over what the line alone needs
 * (bytes / bandwidth + latency). Below 1 would cap every sync figure on this link by construction.
 */
export async function shaperShareOfLine(shape: LinkShape, bytes: number): Promise<number> {
  let received = 0
  let done: () => void = () => undefined
  const all = new Promise<void>((resolve) => (done = resolve))
  const sink = createServer((socket) =>
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length
      if (received >= bytes) done()
    }),
  )
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()))
  const address = sink.address()
  if (address === null || typeof address === 'string') throw new Error('the sink has no port')
  const front = await shapedFront(new ShapedLink(shape), '127.0.0.1', 0, address.port)
  try {
    const client = connect(front.port, '127.0.0.1')
    await new Promise<void>((resolve) => client.once('connect', () => resolve()))
    const started = performance.now()
    // Written, not ended: the shaper, like a keep-alive HTTP client, closes both sides together.
    client.write(Buffer.alloc(bytes, 7))
    await all
    const ms = performance.now() - started
    client.destroy()
    return ((bytes * 8) / (shape.uploadMbps * 1000) + shape.latencyMs) / ms
  } finally {
    await front.close()
    await new Promise<void>((resolve) => sink.close(() => resolve()))
  }
}
