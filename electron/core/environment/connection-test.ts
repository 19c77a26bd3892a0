import type { ConnectionTestResult, ProbeResult } from '../../../shared/contract/connection-test'
import type { AccountBinding } from '../../../shared/domain/identity'
import type { RequestAgent } from '../network/agents'
import { headThrough } from '../network/agent-request'
import type { PlatformClient, StsCredentials } from '../platform-client/platform-client'
import type { OssTarget } from '../oss/oss-uploader'
import { ossReachable, ossUrl, probeOss } from '../oss/oss-probe'
import type { PlatformEndpoints } from './training-mode'

export interface ConnectionTestInput {
  readonly endpoints: PlatformEndpoints
  readonly platform: Pick<PlatformClient, 'getSts'>
  readonly oss: OssTarget
  /** A real account to ask for STS credentials with, or null for reachability and envelope only. */
  readonly account: AccountBinding | null
  /** The same proxy and certificate trust as the platform client and OSS use. */
  readonly network: RequestAgent
  readonly clock?: () => number
}

/**
 * Whether the way to `url` works: a HEAD through the request agent. A proxy that cannot be
 * reached, asks for credentials or refuses the CONNECT, and a certificate this machine does not
 * trust, each come back as their own stage and code with its values; null otherwise.
 */
async function wayProblem(input: ConnectionTestInput, url: string, ms: () => number, originHeader?: string): Promise<ProbeResult | null> {
  const head = await headThrough(input.network, url, 10_000, originHeader)
  const failure = await input.network.failureOf(url, head.ok ? { status: head.status, request: head.request, fromOrigin: head.fromOrigin } : { error: head.error })
  if (failure === null) return null
  const stage = failure.code.startsWith('PROXY_') ? 'proxy' : 'certificate'
  return { finding: 'network', ok: false, stage, code: failure.code, failure: failure.reason, ms: ms() }
}

/** A uid and token no platform issues: its refusal proves the path and the envelope, nothing more. */
const probeAccount: AccountBinding = { uid: '1', token: 'kyc-desk-connection-test' }

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

type PlatformStep = { result: ProbeResult; sts: StsCredentials | null; uid: string }

async function testPlatform(input: ConnectionTestInput, now: () => number): Promise<PlatformStep> {
  const started = now()
  const ms = () => Math.max(0, now() - started)
  const account = input.account ?? probeAccount
  if (input.endpoints.baseUrl === '') {
    return { result: { finding: 'no-address', ok: false, stage: 'reachability', code: null, ms: 0 }, sts: null, uid: account.uid }
  }
  const way = await wayProblem(input, input.endpoints.baseUrl, ms)
  if (way) return { result: way, sts: null, uid: account.uid }
  const outcome = await input.platform.getSts(account)
  const host = hostOf(input.endpoints.baseUrl)
  let result: ProbeResult
  if (outcome.kind === 'ok') {
    const { bucket, expiresAt } = outcome.value
    result = { finding: 'sts-received', ok: true, stage: 'credentials', code: '200', bucket, expiresAt, ms: ms() }
  } else if (outcome.kind === 'transient' && outcome.network) {
    result = { finding: 'platform-no-answer', ok: false, stage: 'reachability', code: outcome.code, host, ms: ms() }
  } else if (outcome.kind === 'transient') {
    result = { finding: 'not-the-platform', ok: false, stage: 'envelope', code: outcome.code, host, ms: ms() }
  } else if (input.account === null) {
    result = { finding: 'envelope-only', ok: true, stage: 'envelope', code: String(outcome.status), host, platformMessage: outcome.message, ms: ms() }
  } else {
    result = { finding: 'sts-refused', ok: false, stage: 'credentials', code: String(outcome.status), platformMessage: outcome.message, ms: ms() }
  }
  return { result, sts: outcome.kind === 'ok' ? outcome.value : null, uid: account.uid }
}

async function testOss(input: ConnectionTestInput, platform: PlatformStep, now: () => number): Promise<ProbeResult> {
  const started = now()
  const ms = () => Math.max(0, now() - started)
  const way = await wayProblem(input, ossUrl(input.oss), ms, 'x-oss-request-id')
  if (way) return way
  if (platform.sts === null) {
    const reach = await ossReachable(input.oss, input.network)
    return reach.ok
      ? { finding: 'oss-answers', ok: true, stage: 'reachability', code: String(reach.status), ms: ms() }
      : { finding: 'oss-no-answer', ok: false, stage: 'reachability', code: reach.code, ms: ms() }
  }
  const probe = await probeOss(input.oss, platform.sts, `kyc/${platform.uid}/connection-test/probe.jpg`)
  switch (probe.kind) {
    case 'authorized':
      return { finding: 'oss-authorized', ok: true, stage: 'authorization', code: null, bucket: platform.sts.bucket, ms: ms() }
    case 'refused':
      return { finding: 'oss-refused', ok: false, stage: 'authorization', code: probe.code, status: probe.status, ms: ms() }
    case 'unreachable':
      return { finding: 'oss-no-answer', ok: false, stage: 'reachability', code: probe.code, ms: ms() }
  }
}

/**
 * The settings screen's "test connection": the platform (reachability, its envelope, and STS
 * credentials when an account is at hand), then OSS (a HEAD under those credentials, or plain
 * reachability). Says exactly which stage failed and what came back, as codes with values.
 */
export async function testConnection(input: ConnectionTestInput): Promise<ConnectionTestResult> {
  const now = input.clock ?? Date.now
  const platform = await testPlatform(input, now)
  const oss = await testOss(input, platform, now)
  return { platformHost: hostOf(input.endpoints.baseUrl), trainingMode: input.endpoints.trainingMode, platform: platform.result, oss }
}
