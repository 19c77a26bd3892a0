import type { IdCardReadResult, IdCardReaderState } from '../../../../shared/domain/id-card'
import { cvrFailure, cvrReadResult, cvrReplySchema } from './cvr-web-reply'
import { loopbackGet, NotLoopbackError, ServiceUnreachableError, withAntiCache } from './loopback-get'
import type { ReaderProtocol } from './reader-port'
import { parseTolerantJson } from './tolerant-json'
import { zkInfoSchema, zkReadResult, zkReplySchema } from './zk-online-reply'

export interface WebProtocolOptions {
  /** The service's base URL, e.g. `http://127.0.0.1:19196` or `http://127.0.0.1:24010/ZKIDROnline`. */
  readonly baseUrl: string
  readonly timeoutMs: number
  readonly random?: () => number
}

/** A transport failure as the reader's outcome; anything else is a bug and is thrown. */
function transportOutcome(error: unknown, signal: AbortSignal): IdCardReadResult {
  if (signal.aborted) return { outcome: 'cancelled' }
  if (error instanceof ServiceUnreachableError || error instanceof NotLoopbackError) return { outcome: 'unreachable' }
  // An answer that is not JSON even after repair, or not the vendor's shape.
  return { outcome: 'read-failed' }
}

function stateOf(result: IdCardReadResult): IdCardReaderState {
  switch (result.outcome) {
    case 'read':
    case 'photo-failed':
    case 'unsupported-card':
      return 'card-present'
    case 'no-card':
    case 'not-lifted':
    case 'read-failed':
    case 'cancelled':
      return 'idle'
    default:
      return result.outcome
  }
}

function endpoint(base: string, path: string): URL {
  return new URL(`${base.replace(/\/+$/, '')}${path}`)
}

/** 华视: `OpenDevice` once (again after a failure), then `readcard` per poll, `CloseDevice` at the end. */
export function cvrWebProtocol(options: WebProtocolOptions): ReaderProtocol {
  const random = options.random ?? Math.random
  let opened = false
  const get = async (path: string, signal: AbortSignal) =>
    cvrReplySchema.parse(parseTolerantJson(await loopbackGet(withAntiCache(endpoint(options.baseUrl, path), 't', random), { timeoutMs: options.timeoutMs, signal })))

  async function readOnce(signal: AbortSignal): Promise<IdCardReadResult> {
    try {
      if (!opened) {
        const open = await get('/OpenDevice', signal)
        if (open.resultFlag !== 0) {
          const failure = cvrFailure(open)
          return { outcome: failure === 'busy' ? 'busy' : 'no-device' }
        }
        opened = true
      }
      const result = cvrReadResult(await get('/readcard', signal))
      if (result.outcome === 'no-device' || result.outcome === 'busy') opened = false
      return result
    } catch (error) {
      opened = false
      return transportOutcome(error, signal)
    }
  }

  return {
    name: 'cvr-web',
    readOnce,
    async probe(signal) {
      return stateOf(await readOnce(signal))
    },
    async close() {
      if (!opened) return
      opened = false
      await get('/CloseDevice', AbortSignal.timeout(options.timeoutMs)).catch(() => undefined)
    },
  }
}

/** ZKTeco: `/info` says the service runs; `ScanReadIdCardInfo` reads (OP-DEV=1, CMD-URL=4). */
export function zkOnlineProtocol(options: WebProtocolOptions): ReaderProtocol {
  const random = options.random ?? Math.random
  const fetchText = (url: URL, signal: AbortSignal) => loopbackGet(withAntiCache(url, 'random', random), { timeoutMs: options.timeoutMs, signal })

  async function readOnce(signal: AbortSignal): Promise<IdCardReadResult> {
    try {
      const url = endpoint(options.baseUrl, '/ScanReadIdCardInfo')
      url.searchParams.set('OP-DEV', '1')
      url.searchParams.set('CMD-URL', '4')
      return zkReadResult(zkReplySchema.parse(parseTolerantJson(await fetchText(url, signal))))
    } catch (error) {
      return transportOutcome(error, signal)
    }
  }

  return {
    name: 'zk-online',
    readOnce,
    async probe(signal) {
      try {
        zkInfoSchema.parse(parseTolerantJson(await fetchText(endpoint(options.baseUrl, '/info'), signal)))
      } catch (error) {
        return stateOf(transportOutcome(error, signal))
      }
      return stateOf(await readOnce(signal))
    },
    async close() {},
  }
}
