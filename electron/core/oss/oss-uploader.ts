import type { ErrorReason } from '../../../shared/contract/errors'
import { networkFailureReason, type NetworkFailure } from '../network/network-failure'
import type { StsCredentials } from '../platform-client/platform-client'
import type { UploadImage } from '../vault/image-store'
import { ossClient, type OssTarget } from './oss-client'

export type { OssTarget } from './oss-client'

export type UploadOutcome =
  | { readonly kind: 'ok' }
  /** The credentials were refused as expired or unknown: refresh once and retry. */
  | { readonly kind: 'credentials'; readonly code: string; readonly message: string; readonly reason: ErrorReason }
  | { readonly kind: 'transient'; readonly code: string; readonly message: string; readonly network: boolean; readonly reason: ErrorReason }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string; readonly reason: ErrorReason }

const credentialCodes = new Set(['SecurityTokenExpired', 'InvalidAccessKeyId', 'InvalidSecurityToken'])
const transientCodes = new Set(['RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'SlowDown'])

interface AliOssError {
  code?: string
  status?: number
  name?: string
  message?: string
}

function classify(error: unknown, networkFailure: NetworkFailure | null): UploadOutcome {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AliOssError
  const code = e.code ?? e.name ?? 'Unknown'
  const message = `OSS: ${e.message ?? code}`.slice(0, 500)
  // OSS's own message is English: the screen words the code instead, the message stays for the log.
  const word = (key: string): ErrorReason => ({ key: `stepError.oss.${key}`, params: { code } })
  if (credentialCodes.has(code)) return { kind: 'credentials', code, message, reason: word('credentials') }
  // The proxy or a certificate (network-aware-urllib.ts): its reason says what IT must do.
  if (networkFailure) {
    const { code: failureCode, message: failureMessage, network } = networkFailure
    return { kind: 'transient', code: failureCode, message: failureMessage, network, reason: networkFailureReason(networkFailure) }
  }
  // Something in the path answered with far more than OSS ever sends: not a dead network.
  if (code === 'ResponseTooLargeError') return { kind: 'transient', code, message, network: false, reason: word('tooLarge') }
  // ali-oss reports a failed connection as status -1 or -2 (its RequestError / timeouts).
  if (e.status === undefined || e.status <= 0) return { kind: 'transient', code, message, network: true, reason: word('noAnswer') }
  if (e.status >= 500 || e.status === 429 || transientCodes.has(code)) return { kind: 'transient', code, message, network: false, reason: word('transient') }
  return { kind: 'refused', code, message, reason: word('refused') }
}

/**
 * Uploads one image with ali-oss under the applicant's STS credentials. Never throws. OSS checks
 * the body against Content-MD5, which the image store computed when the image was stored.
 */
export async function putObject(target: OssTarget, credentials: StsCredentials, key: string, body: UploadImage): Promise<UploadOutcome> {
  let networkFailure: NetworkFailure | null = null
  const client = ossClient(target, credentials, target.timeoutMs, (failure) => {
    networkFailure = failure
  })
  try {
    await client.put(key, body.bytes, { headers: { 'Content-MD5': body.contentMd5, 'Content-Type': 'image/jpeg' }, timeout: target.timeoutMs })
    return { kind: 'ok' }
  } catch (error) {
    return classify(error, networkFailure)
  }
}
