import type { IncomingMessage } from 'node:http'

/** True when the request announces a body (a length above zero, or chunked transfer). */
export function requestHasBody(request: IncomingMessage): boolean {
  const length = Number(request.headers['content-length'] ?? 0)
  return length > 0 || request.headers['transfer-encoding'] !== undefined
}

/** The network fails before any response: the client sees a reset or "socket hang up". */
export function dropConnection(request: IncomingMessage): void {
  request.socket.destroy()
}

/**
 * The network fails while the client is uploading: the connection is destroyed as soon as the
 * first chunk of the body has arrived, before the rest is read and before any response.
 */
export function dropConnectionMidUpload(request: IncomingMessage): void {
  const drop = () => request.socket.destroy()
  request.once('data', drop)
  request.once('end', drop)
  request.once('error', drop)
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds))
}
