import type { IncomingMessage } from 'node:http'
import type { LookupFunction } from 'node:net'
import type { DeadlineTimers } from '../platform-client/call-deadline'

/** The slice of urllib (ali-oss's HTTP client) that ali-oss calls. */
export interface UrllibLike {
  request(url: string, params: UrllibParams): Promise<UrllibResult>
}
interface UrllibParams {
  readonly customResponse?: boolean
  readonly writeStream?: unknown
  readonly [name: string]: unknown
}
interface UrllibResult {
  readonly data: unknown
  readonly status: number
  readonly headers: unknown
  readonly res: IncomingMessage
}

export interface OssCallLimits {
  /** Largest response body read; OSS answers a PUT with a few hundred bytes of XML at most. */
  readonly maxResponseBytes: number
  /** Longest a whole call may take, connection to last byte. */
  readonly deadlineMs: number
  readonly timers: DeadlineTimers
  /** Name resolution for OSS hosts (urllib's `lookup`): a test's hosts entry for `<bucket>.<endpoint>`. */
  readonly lookup?: LookupFunction
}

/** Errors shaped as urllib's own, so ali-oss reports them with this name as the code (status -1/-2: no answer). */
function requestError(name: string, message: string, status: -1 | -2): Error & { status: number } {
  return Object.assign(new Error(message), { name, status })
}

function readCapped(stream: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        stream.destroy()
        reject(requestError('ResponseTooLargeError', `OSS answered with more than ${maxBytes} bytes`, -1))
        return
      }
      chunks.push(chunk)
    })
    stream.once('end', () => resolve(Buffer.concat(chunks)))
    stream.once('error', reject)
  })
}

/**
 * Wraps ali-oss's urllib so every call reads at most `maxResponseBytes` and ends by `deadlineMs`.
 * urllib's own timeout is per phase (connect, then response), and it reads any body whole.
 * Calls that stream their answer to the caller (`customResponse`, `writeStream`) are not ours.
 */
export function boundedUrllib(base: UrllibLike, limits: OssCallLimits): UrllibLike {
  return {
    async request(url, params) {
      if (params.customResponse === true || params.writeStream !== undefined) return base.request(url, params)
      let response: IncomingMessage | null = null
      let handle: unknown
      const deadline = new Promise<never>((_resolve, reject) => {
        handle = limits.timers.setTimeout(() => {
          response?.destroy()
          reject(requestError('DeadlineExceededError', `OSS did not finish answering within ${Math.round(limits.deadlineMs / 1000)} s`, -2))
        }, limits.deadlineMs)
      })
      const read = async (): Promise<UrllibResult> => {
        const result = await base.request(url, { ...params, customResponse: true, ...(limits.lookup ? { lookup: limits.lookup } : {}) })
        response = result.res
        return { ...result, data: await readCapped(result.res, limits.maxResponseBytes) }
      }
      try {
        return await Promise.race([read(), deadline])
      } finally {
        limits.timers.clearTimeout(handle)
      }
    },
  }
}
