import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RunningSandbox } from '../../../sandbox/index'
import type { ProxySettings } from '../../../shared/domain/network-settings'
import { testConnection } from '../environment/connection-test'
import { createRequestAgent, type RequestAgent } from '../network/agents'
import { readCaFile } from '../network/ca-file'
import { PROXY_UPSTREAM_ADDRESS, startCountingProxy, type CountingProxy } from '../network/test-support/counting-proxy'
import { queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

let h: SandboxHarness | null = null
let proxy: CountingProxy | null = null
const envBefore = process.env['NODE_TLS_REJECT_UNAUTHORIZED']
afterEach(async () => {
  await h?.close()
  await proxy?.close()
  h = null
  proxy = null
  if (envBefore === undefined) delete process.env['NODE_TLS_REJECT_UNAUTHORIZED']
  else process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = envBefore
})

const noProxy: ProxySettings = { mode: 'none', url: '', username: '', password: '', bypass: [] }
const manual = (url: string, username = '', password = ''): ProxySettings => ({ mode: 'manual', url, username, password, bypass: [] })
const stepErrorSchema = z.object({ code: z.string(), message: z.string() })

/** What the sandbox served the app (its own log), leaving out the admin calls the test makes itself. */
function servedLog(lines: string[]): string[] {
  return lines.filter((line) => /^(api|oss) /.test(line) && !line.includes('/__admin'))
}

/**
 * OSS by name, not by IP: for an IP endpoint ali-oss sends `Host: <bucket>.<region>.aliyuncs.com`,
 * which a proxy takes as where to go (a real private endpoint by IP is reached directly).
 */
const byName = (sandbox: RunningSandbox) => ({ endpoint: sandbox.oss.replace('127.0.0.1', 'localhost') })

/** One applicant through every step: STS, three uploads, authnew 1-4, reconcile, the face check, verified. */
async function syncToVerified(harness: SandboxHarness): Promise<string> {
  const user = await harness.createUser()
  const id = await queueApplicant(harness.store, 1, user)
  harness.engine.start()
  await waitFor(() => harness.status(id) === 'submitted' || harness.status(id) === 'needs-attention', 20_000, 'submitted')
  expect(harness.status(id)).toBe('submitted')
  expect(harness.engine.startLiveness(id)).toMatchObject({ ok: true })
  await waitFor(() => harness.store.steps.stepData(id, 'liveness:token') !== null, 10_000, 'verify link kept')
  const page = harness.store.steps.stepData(id, 'liveness:token')?.verifyUrl ?? ''
  const verifyToken = new URL(page).pathname.split('/').at(-1) ?? ''
  // The customer passes the face check (the admin API stands in for the verify page).
  await harness.admin(`/liveness/${verifyToken}`, z.unknown(), { method: 'POST', body: JSON.stringify({ result: 'pass' }) })
  await waitFor(() => harness.status(id) === 'verified', 20_000, 'verified')
  return id
}

async function harnessThrough(proxySettings: (p: CountingProxy | null) => ProxySettings, options: { tls?: boolean; trustCa?: boolean; counting?: CountingProxy } = {}) {
  const log: string[] = []
  /** The peer address of each request the app was served, in the order of `log`'s served lines. */
  const peers: string[] = []
  const agent = (sandbox: RunningSandbox): RequestAgent => {
    const ca = options.trustCa && sandbox.caFile ? readCaFile(sandbox.caFile) : null
    return createRequestAgent({ proxy: proxySettings(options.counting ?? null), extraCa: ca?.ok ? ca.certificates : [] })
  }
  const record = (line: string, from?: { readonly remoteAddress: string }) => {
    log.push(line)
    if (servedLog([line]).length === 1) peers.push(from?.remoteAddress ?? '')
  }
  const harness = await sandboxHarness({ sandbox: { log: record, ...(options.tls ? { tls: true } : {}) }, network: agent, oss: byName })
  return { harness, log, peers }
}

describe('the whole sync through a proxy', () => {
  it('sends every request through the proxy, none direct', async () => {
    proxy = await startCountingProxy()
    const run = await harnessThrough((p) => manual(p?.url ?? ''), { counting: proxy })
    h = run.harness
    await syncToVerified(h)
    const served = servedLog(run.log)
    const paths = served.map((line) => line.split(' ').slice(0, 3).join(' '))
    for (const path of ['api POST /user/getsts', 'api POST /user/authnew', 'api POST /user/authinfoNew', 'api POST /ali/appToken', 'api POST /ali/vedioAuth']) expect(paths).toContain(path)
    expect(served.filter((line) => line.startsWith('oss PUT '))).toHaveLength(3)
    // Plain http through a proxy: each request is handed to the proxy whole, so the two logs pair up.
    expect(proxy.seen.every((r) => r.admitted && r.method !== 'CONNECT')).toBe(true)
    expect(proxy.seen).toHaveLength(served.length)
    expect(new Set(run.peers)).toEqual(new Set([PROXY_UPSTREAM_ADDRESS]))
    const proxiedPaths = proxy.seen.map((r) => `${r.method} ${new URL(r.target).pathname}`).sort()
    expect(proxiedPaths).toEqual(served.map((line) => line.split(' ').slice(1, 3).join(' ').split('?')[0] ?? '').sort())
  })

  it('with credentials through a proxy that needs them; without, the connection test names the 407', async () => {
    proxy = await startCountingProxy({ credentials: { username: 'branch-07', password: 's3cret:pw' } })
    const run = await harnessThrough((p) => manual(p?.url ?? '', 'branch-07', 's3cret:pw'), { counting: proxy })
    h = run.harness
    await syncToVerified(h)
    expect(proxy.seen.length).toBe(servedLog(run.log).length)
    expect(proxy.seen.every((r) => r.admitted)).toBe(true)

    const network = createRequestAgent({ proxy: manual(proxy.url), extraCa: [] })
    const endpoints = { trainingMode: false, baseUrl: h.sandbox.api, ossEndpoint: h.sandbox.oss, ossAddressing: 'path-style' as const }
    const { PlatformClient } = await import('../platform-client/platform-client')
    const platform = new PlatformClient({ network, baseUrl: h.sandbox.api, encoding: 'form', timeoutMs: 5_000, language: () => 'en_US', retryableStatuses: [] })
    const oss = { region: h.sandbox.region, endpoint: h.sandbox.oss, addressing: 'path-style' as const, timeoutMs: 5_000, network }
    const result = await testConnection({ endpoints, platform, oss, network, account: null })
    expect(result.platform).toMatchObject({ ok: false, stage: 'proxy', code: 'PROXY_AUTH_REQUIRED', failure: { code: 'PROXY_AUTH_REQUIRED', proxy: expect.any(String) } })
    expect(result.oss).toMatchObject({ ok: false, stage: 'proxy', code: 'PROXY_AUTH_REQUIRED' })
    expect(JSON.stringify(result)).not.toContain('s3cret')
    // And the sync itself, without credentials, waits with the proxy's failure as the reason, for the platform and for OSS.
    const proxyReason = { key: 'networkFailure.PROXY_AUTH_REQUIRED', params: { proxy: expect.any(String) } }
    expect(await platform.getSts({ uid: '1', token: 't' })).toMatchObject({ kind: 'transient', code: 'PROXY_AUTH_REQUIRED', reason: proxyReason })
    const { putObject } = await import('../oss/oss-uploader')
    const credentials = { accessKeyId: 'STS.k', accessKeySecret: 's', securityToken: 't', expiresAt: Date.now() + 60_000, bucket: 'kyc' }
    const upload = await putObject({ ...oss, ...byName(h.sandbox) }, credentials, 'kyc/1/a/front.jpg', { bytes: Buffer.from('x'), contentMd5: 'LXRQNFV4aY0a5nu6jcQSVA==' })
    expect(upload).toMatchObject({ kind: 'transient', code: 'PROXY_AUTH_REQUIRED', network: false, reason: proxyReason })
  })

  it('the connection test tells an unreachable proxy and a refused CONNECT apart', async () => {
    h = await sandboxHarness({ sandbox: { tls: true } })
    const endpoints = { trainingMode: false, baseUrl: h.sandbox.api, ossEndpoint: h.sandbox.oss, ossAddressing: 'path-style' as const }
    const { PlatformClient } = await import('../platform-client/platform-client')
    const run = async (network: RequestAgent) => {
      const platform = new PlatformClient({ network, baseUrl: h!.sandbox.api, encoding: 'form', timeoutMs: 5_000, language: () => 'en_US', retryableStatuses: [] })
      const oss = { region: h!.sandbox.region, endpoint: h!.sandbox.oss, addressing: 'path-style' as const, timeoutMs: 5_000, network }
      return testConnection({ endpoints, platform, oss, network, account: null })
    }
    const unreachable = await run(createRequestAgent({ proxy: manual('http://127.0.0.1:9'), extraCa: [] }))
    expect(unreachable.platform).toMatchObject({ ok: false, stage: 'proxy', code: 'PROXY_UNREACHABLE', failure: { code: 'PROXY_UNREACHABLE', proxy: 'http://127.0.0.1:9' } })

    // A proxy that refuses every CONNECT, as one does for a host it does not allow.
    proxy = await startCountingProxy()
    const refusing = (await import('node:http')).createServer()
    refusing.on('connect', (_req, socket) => socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n'))
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve))
    const port = (refusing.address() as { port: number }).port
    try {
      const refused = await run(createRequestAgent({ proxy: manual(`http://127.0.0.1:${port}`), extraCa: [] }))
      expect(refused.platform).toMatchObject({ ok: false, stage: 'proxy', code: 'PROXY_CONNECT_REFUSED', failure: { code: 'PROXY_CONNECT_REFUSED', status: 403 } })
      expect(refused.oss).toMatchObject({ ok: false, stage: 'proxy', code: 'PROXY_CONNECT_REFUSED' })
    } finally {
      refusing.close()
    }
  })
})

describe('the whole sync over the sandbox\'s TLS', () => {
  it('is refused as "certificate not trusted" without its CA, even with NODE_TLS_REJECT_UNAUTHORIZED=0', async () => {
    process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'
    const run = await harnessThrough(() => noProxy, { tls: true })
    h = run.harness
    expect(h.sandbox.api.startsWith('https://')).toBe(true)
    const user = await h.createUser()
    const id = await queueApplicant(h.store, 2, user)
    h.engine.start()
    const stsStep = () => {
      const record = h!.store.applicants.get(id)
      return record?.stage === 'queued' ? record.steps.find((s) => s.name === 'sts') : undefined
    }
    await waitFor(() => (stsStep()?.lastError ?? null) !== null, 10_000, 'sts failed')
    const sts = stsStep()
    const error = stepErrorSchema.parse(sts?.lastError)
    expect(error.code).toBe('CERT_UNTRUSTED')
    expect(error.message).toContain('Certificate not trusted')
    expect(error.message).toContain('证书不受信任')
    expect(error.message).toContain('--ca-file')
    // Nothing reached the platform: the handshake failed before any request.
    expect(servedLog(run.log)).toEqual([])
  })

  it('syncs to verified with its CA trusted, through a proxy that tunnels every request', async () => {
    proxy = await startCountingProxy()
    const run = await harnessThrough((p) => manual(p?.url ?? ''), { tls: true, trustCa: true, counting: proxy })
    h = run.harness
    expect(readFileSync(h.sandbox.caFile ?? '', 'utf8')).toContain('BEGIN CERTIFICATE')
    await syncToVerified(h)
    // https through a proxy is CONNECT tunnels, kept alive: every request the sandbox served
    // arrived from the proxy's own address, and the tunnels were fewer than the requests.
    const served = servedLog(run.log)
    expect(proxy.seen.every((r) => r.method === 'CONNECT' && r.admitted)).toBe(true)
    expect(run.peers).toHaveLength(served.length)
    expect(new Set(run.peers)).toEqual(new Set([PROXY_UPSTREAM_ADDRESS]))
    expect(proxy.seen.length).toBeLessThan(served.length)
  })
})
