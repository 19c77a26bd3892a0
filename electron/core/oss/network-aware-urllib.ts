import type { RequestAgent } from '../network/agents'
import type { NetworkFailure } from '../network/network-failure'
import type { UrllibLike } from './bounded-requests'

/** urllib's error shape, which ali-oss reads its code from (`name`) and treats as no answer (status -1). */
function failureError(failure: NetworkFailure): Error & { status: number } {
  return Object.assign(new Error(failure.message), { name: failure.code, status: -1 })
}

/**
 * ali-oss's urllib with the proxy and certificate failures named: a certificate this machine does
 * not trust, an unreachable proxy, its 407 or its refused CONNECT become errors whose code is
 * the network failure's (network/network-failure.ts), instead of an opaque RequestError or an
 * "UnknownError" status that would read as OSS's own refusal. Only OSS sends x-oss-request-id.
 * ali-oss rebuilds the error it throws from the name, message and status alone, so the failure
 * itself, with its values, goes to `onFailure`.
 */
export function networkAwareUrllib(base: UrllibLike, network: RequestAgent, onFailure: (failure: NetworkFailure) => void = () => undefined): UrllibLike {
  return {
    async request(url, params) {
      let result
      try {
        result = await base.request(url, params)
      } catch (error) {
        const failure = await network.failureOf(url, { error })
        if (failure) onFailure(failure)
        throw failure ? failureError(failure) : error
      }
      if (result.status >= 300) {
        const fromOrigin = typeof result.res.headers['x-oss-request-id'] === 'string'
        const failure = await network.failureOf(url, { status: result.status, request: (result.res as { req?: unknown }).req, fromOrigin })
        if (failure) {
          onFailure(failure)
          result.res.destroy()
          throw failureError(failure)
        }
      }
      return result
    },
  }
}
