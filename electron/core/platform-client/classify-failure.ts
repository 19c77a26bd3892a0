import { isAxiosError } from 'axios'
import { certificateFailure, networkFailureReason, nodeErrorCode } from '../network/network-failure'
import type { PlatformOutcome } from './outcome'

const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EPIPE',
  'ERR_NETWORK',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
  'UND_ERR_SOCKET',
])

/**
 * Turns a thrown request error into a transient outcome. Everything a request can throw is a
 * fault of the path to the platform (no answer, a cut connection, a timeout), never its answer.
 */
export function transientFromError(error: unknown): PlatformOutcome<never> {
  if (isAxiosError(error)) {
    // axios's own words for a body past maxContentLength; something in the path answered, not the platform.
    if (error.message.includes('maxContentLength')) {
      return {
        kind: 'transient',
        code: 'RESPONSE_TOO_LARGE',
        message: 'the answer was far larger than any platform envelope and was cut off',
        network: false,
        reason: { key: 'stepError.platform.tooLarge' },
      }
    }
    // A certificate this machine does not trust: the platform may be fine, IT must act.
    const certificate = certificateFailure(nodeErrorCode(error), error.config?.baseURL ? new URL(error.config.baseURL).host : 'the platform')
    if (certificate) return { kind: 'transient', code: certificate.code, message: certificate.message, network: certificate.network, reason: networkFailureReason(certificate) }
    const code = error.code ?? 'NETWORK'
    const cause = (error.cause as { code?: string } | undefined)?.code
    const network = networkCodes.has(code) || (cause !== undefined && networkCodes.has(cause)) || error.response === undefined
    const timedOut = code === 'ECONNABORTED'
    const label = timedOut ? 'the platform did not answer in time' : `no answer from the platform (${cause ?? code})`
    const reason = timedOut ? { key: 'stepError.platform.timeout' } : { key: 'stepError.platform.noAnswer', params: { code: cause ?? code } }
    return { kind: 'transient', code: cause ?? code, message: label, network, reason }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { kind: 'transient', code: 'NETWORK', message, network: true, reason: { key: 'stepError.platform.noAnswer', params: { code: 'NETWORK' } } }
}

/** HTTP statuses that mean "try again later" rather than "no". */
export function isTransientHttpStatus(status: number): boolean {
  return status >= 500 || status === 429 || status === 408
}
