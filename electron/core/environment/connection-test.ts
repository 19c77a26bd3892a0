import type { ConnectionTestResult, ProbeResult } from '../../../shared/contract/settings'
import type { AccountBinding } from '../../../shared/domain/identity'
import type { Settings } from '../../../shared/domain/settings'
import type { RequestAgent } from '../network/agents'
import { headThrough } from '../network/agent-request'
import type { PlatformClient, StsCredentials } from '../platform-client/platform-client'
import type { OssTarget } from '../oss/oss-uploader'
import { ossReachable, ossUrl, probeOss } from '../oss/oss-probe'
import type { PlatformEndpoints } from './training-mode'

export interface ConnectionTestInput {
  readonly settings: Settings
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
 * trust, each come back as their own stage and code, in the operator's language; null otherwise.
 */
async function wayProblem(input: ConnectionTestInput, url: string, ms: () => number, originHeader?: string): Promise<ProbeResult | null> {
  const head = await headThrough(input.network, url, 10_000, originHeader)
  const failure = await input.network.failureOf(url, head.ok ? { status: head.status, request: head.request, fromOrigin: head.fromOrigin } : { error: head.error })
  if (failure === null) return null
  return { ok: false, stage: failure.code.startsWith('PROXY_') ? 'proxy' : 'certificate', code: failure.code, message: failure.messages[input.settings.language], ms: ms() }
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
    return { result: { ok: false, stage: 'reachability', code: null, message: 'No platform address is set.', ms: 0 }, sts: null, uid: account.uid }
  }
  const way = await wayProblem(input, input.endpoints.baseUrl, ms)
  if (way) return { result: way, sts: null, uid: account.uid }
  const outcome = await input.platform.getSts(account)
  const host = hostOf(input.endpoints.baseUrl)
  let result: ProbeResult
  if (outcome.kind === 'ok') {
    const until = new Date(outcome.value.expiresAt).toISOString()
    result = { ok: true, stage: 'credentials', code: '200', message: `STS credentials received for bucket "${outcome.value.bucket}", valid until ${until}.`, ms: ms() }
  } else if (outcome.kind === 'transient' && outcome.network) {
    result = { ok: false, stage: 'reachability', code: outcome.code, message: `No answer from ${host}: ${outcome.message}`, ms: ms() }
  } else if (outcome.kind === 'transient') {
    result = { ok: false, stage: 'envelope', code: outcome.code, message: `${host} answered, but not as the platform: ${outcome.message}`, ms: ms() }
  } else if (input.account === null) {
    result = {
      ok: true,
      stage: 'envelope',
      code: String(outcome.status),
      message: `${host} answers in the platform's envelope (a test account was refused as expected: "${outcome.message}"). Enter a customer account to test STS credentials and OSS.`,
      ms: ms(),
    }
  } else {
    result = { ok: false, stage: 'credentials', code: String(outcome.status), message: `The platform refused STS credentials: ${outcome.message}`, ms: ms() }
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
      ? { ok: true, stage: 'reachability', code: String(reach.status), message: 'The OSS address answers; credentials were not tested (no STS credentials).', ms: ms() }
      : { ok: false, stage: 'reachability', code: null, message: `No answer from the OSS address: ${reach.message}`, ms: ms() }
  }
  const probe = await probeOss(input.oss, platform.sts, `kyc/${platform.uid}/connection-test/probe.jpg`)
  switch (probe.kind) {
    case 'authorized':
      return { ok: true, stage: 'authorization', code: null, message: `OSS accepted the STS credentials for bucket "${platform.sts.bucket}".`, ms: ms() }
    case 'refused':
      return { ok: false, stage: 'authorization', code: probe.code, message: `OSS refused the request (HTTP ${probe.status} ${probe.code}): ${probe.message}`, ms: ms() }
    case 'unreachable':
      return { ok: false, stage: 'reachability', code: probe.code, message: `No answer from OSS: ${probe.message}`, ms: ms() }
  }
}

/**
 * The settings screen's "test connection": the platform (reachability, its envelope, and STS
 * credentials when an account is at hand), then OSS (a HEAD under those credentials, or plain
 * reachability). Says exactly which stage failed and what came back.
 */
export async function testConnection(input: ConnectionTestInput): Promise<ConnectionTestResult> {
  const now = input.clock ?? Date.now
  const platform = await testPlatform(input, now)
  const oss = await testOss(input, platform, now)
  return { platformHost: hostOf(input.endpoints.baseUrl), trainingMode: input.endpoints.trainingMode, platform: platform.result, oss }
}
