import { headThrough } from '../network/agent-request'
import type { RequestAgent } from '../network/agents'
import { nodeErrorCode } from '../network/network-failure'
import { ossClient } from './oss-client'
import type { OssTarget } from './oss-client'
import type { StsCredentials } from '../platform-client/platform-client'

export type OssProbeOutcome =
  | { readonly kind: 'authorized' }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string }
  | { readonly kind: 'unreachable'; readonly code: string }

interface AliOssError {
  code?: string
  status?: number
}

/**
 * Asks OSS about an object that does not exist, under the applicant's STS credentials: "no such
 * key" (404) proves the endpoint, the bucket, the signature and the policy all work, and writes
 * nothing to the bucket. HEAD needs only `oss:GetObject`, which the narrow STS policy grants.
 */
export async function probeOss(target: OssTarget, credentials: StsCredentials, key: string): Promise<OssProbeOutcome> {
  const client = ossClient(target, credentials, Math.min(target.timeoutMs, 15_000))
  try {
    await client.head(key)
    return { kind: 'authorized' }
  } catch (error) {
    const e = (typeof error === 'object' && error !== null ? error : {}) as AliOssError
    const code = e.code ?? 'Unknown'
    if (e.status === 404) return { kind: 'authorized' }
    // OSS's own message is English prose; its code (and the HTTP status) is what IT looks up.
    if (e.status === undefined || e.status <= 0) return { kind: 'unreachable', code }
    return { kind: 'refused', status: e.status, code: code === 'Unknown' ? `HTTP_${e.status}` : code }
  }
}

/** The OSS endpoint's address: the configured endpoint, or the region's public one. */
export function ossUrl(target: OssTarget): string {
  return target.endpoint !== '' ? target.endpoint : `https://${target.region}.aliyuncs.com`
}

/** Without credentials, only whether anything answers at the OSS address (through the configured proxy), and Node's error code if not. */
export async function ossReachable(target: OssTarget, network: RequestAgent): Promise<{ ok: true; status: number } | { ok: false; code: string }> {
  const head = await headThrough(network, ossUrl(target), 10_000)
  if (head.ok) return { ok: true, status: head.status }
  return { ok: false, code: nodeErrorCode(head.error) ?? 'NETWORK' }
}
