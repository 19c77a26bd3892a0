import { createHash } from 'node:crypto'
import OSS from 'ali-oss'
import type { StsCredentials } from '../platform-client/platform-client'

export interface OssTarget {
  /** An OSS region such as `oss-cn-hangzhou` (used when no endpoint is set). */
  readonly region: string
  /** A full endpoint URL (private endpoint or the sandbox); empty to derive from the region. */
  readonly endpoint: string
  readonly addressing: 'virtual-host' | 'path-style'
  readonly timeoutMs: number
}

export type UploadOutcome =
  | { readonly kind: 'ok' }
  /** The credentials were refused as expired or unknown: refresh once and retry. */
  | { readonly kind: 'credentials'; readonly code: string; readonly message: string }
  | { readonly kind: 'transient'; readonly code: string; readonly message: string; readonly network: boolean }
  | { readonly kind: 'refused'; readonly code: string; readonly message: string }

const credentialCodes = new Set(['SecurityTokenExpired', 'InvalidAccessKeyId', 'InvalidSecurityToken'])
const transientCodes = new Set(['RequestTimeTooSkewed', 'InternalError', 'ServiceUnavailable', 'RequestTimeout', 'SlowDown'])

interface AliOssError {
  code?: string
  status?: number
  name?: string
  message?: string
}

function classify(error: unknown): UploadOutcome {
  const e = (typeof error === 'object' && error !== null ? error : {}) as AliOssError
  const code = e.code ?? e.name ?? 'Unknown'
  const message = `OSS: ${e.message ?? code}`.slice(0, 500)
  if (credentialCodes.has(code)) return { kind: 'credentials', code, message }
  // ali-oss reports a failed connection as status -1 or -2 (its RequestError / timeouts).
  if (e.status === undefined || e.status <= 0) return { kind: 'transient', code, message, network: true }
  if (e.status >= 500 || e.status === 429 || transientCodes.has(code)) return { kind: 'transient', code, message, network: false }
  return { kind: 'refused', code, message }
}

/** Uploads one image with ali-oss under the applicant's STS credentials. Never throws. */
export async function putObject(target: OssTarget, credentials: StsCredentials, key: string, body: Buffer): Promise<UploadOutcome> {
  const endpoint = target.endpoint === '' ? undefined : target.endpoint
  const client = new OSS({
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    stsToken: credentials.securityToken,
    bucket: credentials.bucket,
    ...(endpoint ? { endpoint } : { region: target.region }),
    secure: endpoint ? endpoint.startsWith('https:') : true,
    sldEnable: target.addressing === 'path-style',
    timeout: target.timeoutMs,
    // Retries and credential refresh are the engine's: ali-oss's retry only covers network
    // errors with a fixed delay, and its refresh timer races.
    retryMax: 0,
    // Only silences ali-oss's per-client "set refreshSTSToken" console warning: without a
    // refreshSTSToken function ali-oss never refreshes (lib/client.js), which is what we want.
    refreshSTSTokenInterval: 3_600_000,
  } as OSS.Options & { sldEnable: boolean; retryMax: number })
  const md5 = createHash('md5').update(body).digest('base64')
  try {
    await client.put(key, body, { headers: { 'Content-MD5': md5, 'Content-Type': 'image/jpeg' }, timeout: target.timeoutMs })
    return { kind: 'ok' }
  } catch (error) {
    return classify(error)
  }
}
