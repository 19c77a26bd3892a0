import OSS from 'ali-oss'
import type { Agent } from 'node:http'
import { systemTimers } from '../platform-client/call-deadline'
import type { StsCredentials } from '../platform-client/platform-client'
import type { RequestAgent } from '../network/agents'
import type { NetworkFailure } from '../network/network-failure'
import { directRequestAgent } from '../network/default-agent'
import { boundedUrllib, type OssCallLimits, type UrllibLike } from './bounded-requests'
import { networkAwareUrllib } from './network-aware-urllib'

export interface OssTarget {
  /** An OSS region such as `oss-cn-hangzhou` (used when no endpoint is set). */
  readonly region: string
  /** A full endpoint URL (private endpoint or the sandbox); empty to derive from the region. */
  readonly endpoint: string
  readonly addressing: 'virtual-host' | 'path-style'
  readonly timeoutMs: number
  /** Response size cap and total deadline per call; defaults: 1 MiB and the timeout. */
  readonly limits?: Partial<OssCallLimits>
  /** Proxy and certificate trust (network/agents.ts); default direct. */
  readonly network?: RequestAgent
}

const DEFAULT_MAX_OSS_RESPONSE_BYTES = 1024 * 1024

/**
 * An ali-oss client for one applicant's STS credentials, with the engine in charge of retries.
 * `onNetworkFailure` hears of a proxy or certificate failure (network-aware-urllib.ts).
 */
export function ossClient(target: OssTarget, credentials: StsCredentials, timeoutMs = target.timeoutMs, onNetworkFailure?: (failure: NetworkFailure) => void): OSS {
  const endpoint = target.endpoint === '' ? undefined : target.endpoint
  const network = target.network ?? directRequestAgent()
  const client = new OSS({
    accessKeyId: credentials.accessKeyId,
    accessKeySecret: credentials.accessKeySecret,
    stsToken: credentials.securityToken,
    bucket: credentials.bucket,
    ...(endpoint ? { endpoint } : { region: target.region }),
    secure: endpoint ? endpoint.startsWith('https:') : true,
    sldEnable: target.addressing === 'path-style',
    timeout: timeoutMs,
    // Retries and credential refresh are the engine's: ali-oss's retry only covers network
    // errors with a fixed delay, and its refresh timer races (ali-oss #1363, #1391, #960).
    retryMax: 0,
    // Only silences ali-oss's per-client "set refreshSTSToken" console warning: without a
    // refreshSTSToken function ali-oss never refreshes (lib/client.js), which is what we want.
    refreshSTSTokenInterval: 3_600_000,
    // urllib's own agents otherwise: no proxy, and certificate checks the environment can turn off.
    agent: network.agents.http,
    httpsAgent: network.agents.https,
  } as OSS.Options & { sldEnable: boolean; retryMax: number; agent: Agent; httpsAgent: Agent })
  // ali-oss keeps its HTTP client on the instance (lib/client.js); wrapping it bounds every call.
  const withUrllib = client as OSS & { urllib: UrllibLike }
  withUrllib.urllib = boundedUrllib(networkAwareUrllib(withUrllib.urllib, network, onNetworkFailure), {
    maxResponseBytes: target.limits?.maxResponseBytes ?? DEFAULT_MAX_OSS_RESPONSE_BYTES,
    deadlineMs: target.limits?.deadlineMs ?? timeoutMs,
    timers: target.limits?.timers ?? systemTimers,
    ...(target.limits?.lookup ? { lookup: target.limits.lookup } : {}),
  })
  return client
}
