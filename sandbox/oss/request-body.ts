import type { IncomingMessage } from 'node:http'
import { ossErrors } from './oss-errors'

/** Thrown while reading a body that grew past the limit: the connection must not be reused. */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError'
}

/**
 * Reads a PUT body up to `maxBytes`. A declared length over the limit is refused before reading;
 * a chunked body is cut off as soon as it passes the limit.
 */
export async function readObjectBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = request.headers['content-length']
  const chunked = request.headers['transfer-encoding'] !== undefined
  if (declared === undefined && !chunked) throw ossErrors.missingContentLength()
  if (declared !== undefined && Number(declared) > maxBytes) throw ossErrors.entityTooLarge(maxBytes)

  const chunks: Buffer[] = []
  let received = 0
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk))
    received += buffer.length
    if (received > maxBytes) throw ossErrors.entityTooLarge(maxBytes)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks, received)
}
