import type { IncomingMessage } from 'node:http'
import { ossErrors } from './oss-errors'

/** A PUT must say how long its body is (or be chunked), and not announce more than the limit. */
export function checkDeclaredLength(request: IncomingMessage, maxBytes: number): void {
  const declared = request.headers['content-length']
  const chunked = request.headers['transfer-encoding'] !== undefined
  if (declared === undefined && !chunked) throw ossErrors.missingContentLength()
  if (declared !== undefined && Number(declared) > maxBytes) throw ossErrors.entityTooLarge(maxBytes)
}

/** Reads a PUT body up to `maxBytes`; a chunked body is cut off as soon as it passes the limit. */
export async function readObjectBody(request: IncomingMessage, maxBytes: number): Promise<Buffer> {
  checkDeclaredLength(request, maxBytes)

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
