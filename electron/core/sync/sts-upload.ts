import type { StsCache } from '../oss/sts-cache'
import type { OssTarget, UploadOutcome } from '../oss/oss-uploader'
import type { PlatformOutcome } from '../platform-client/outcome'
import type { StsCredentials } from '../platform-client/platform-client'
import type { UploadImage } from '../vault/image-store'
import type { PutObject } from './ports'

export interface StsUploadRequest {
  /** Whose credentials: one applicant under one uid (see stsKeyOf). */
  readonly cacheKey: string
  readonly cache: StsCache
  /** Asks the platform for fresh credentials; the cache makes it single flight per applicant. */
  readonly fetchSts: () => Promise<PlatformOutcome<StsCredentials>>
  readonly put: PutObject
  readonly target: OssTarget
  readonly key: string
  readonly body: UploadImage
}

/** An upload either landed, or failed the way a platform call fails (credentials included). */
export type StsUploadOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'sts'; readonly outcome: Exclude<PlatformOutcome<StsCredentials>, { kind: 'ok' }> }
  | Exclude<UploadOutcome, { kind: 'ok' }>

/**
 * Puts one object under the applicant's cached STS credentials. When OSS says the credentials are
 * expired or unknown (SecurityTokenExpired, InvalidAccessKeyId), they are dropped, fetched again
 * once and the put retried once; a second refusal is handed back for the engine's backoff rather
 * than looping here. Invalidation names the rejected credentials, so of three parallel uploads
 * that hit the same expiry only the first drops them and all three share one new getsts.
 */
export async function putWithSts(request: StsUploadRequest): Promise<StsUploadOutcome> {
  const first = await request.cache.get(request.cacheKey, request.fetchSts)
  if (first.kind !== 'ok') return { kind: 'sts', outcome: first }
  const attempt = await request.put(request.target, first.value, request.key, request.body)
  if (attempt.kind !== 'credentials') return attempt
  request.cache.invalidate(request.cacheKey, first.value)
  const second = await request.cache.get(request.cacheKey, request.fetchSts)
  if (second.kind !== 'ok') return { kind: 'sts', outcome: second }
  return request.put(request.target, second.value, request.key, request.body)
}
