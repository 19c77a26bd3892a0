import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runSandboxCommand } from '../../../sandbox/cli'
import { environmentOf } from '../../../shared/domain/environment'
import { PROXY_UPSTREAM_ADDRESS, startCountingProxy, type CountingProxy } from '../../core/network/test-support/counting-proxy'
import { openKycStore } from '../../core/queue/store'
import { queueApplicant } from '../../core/sync/test-support/applicants'
import { EnvKeyProvider } from '../../core/vault/env-key-provider'
import { main } from '../main'
import { capture } from '../test-support/capture-output'

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out = capture()
  const err = capture()
  const code = await main(argv, { stdout: out.stream, stderr: err.stream, env })
  return { code, stdout: out.text(), stderr: err.text() }
}

const readySchema = z.object({ api: z.string(), oss: z.string(), ca: z.string(), users: z.array(z.object({ uid: z.string(), token: z.string() })) })

describe('kyc-desk sync --proxy URL --ca-file FILE against kyc-desk sandbox --tls', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-cli-net-'))
  const env = { KYC_DESK_KEY: randomBytes(32).toString('hex') }
  const db = join(dir, 'app', 'kyc-desk.sqlite')
  const stop = new AbortController()
  let sandboxExit: Promise<number> = Promise.resolve(0)
  let ready: z.infer<typeof readySchema>
  let proxy: CountingProxy
  /** The sandbox's stderr: a line per request served, with the peer it came from. */
  let sandboxLog = ''

  beforeAll(async () => {
    const stdout = new PassThrough()
    let line = ''
    stdout.on('data', (chunk: Buffer) => (line += chunk.toString('utf8')))
    const stderr = new PassThrough()
    stderr.on('data', (chunk: Buffer) => (sandboxLog += chunk.toString('utf8')))
    sandboxExit = runSandboxCommand(['--api-port', '0', '--oss-port', '0', '--seed-users', '2', '--data', join(dir, 'sandbox'), '--tls'], { stdout, stderr, signal: stop.signal })
    while (!line.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 20))
    ready = readySchema.parse(JSON.parse(line))
    proxy = await startCountingProxy({ credentials: { username: 'branch-07', password: 'pw' } })
    const store = await openKycStore({ dataDir: join(dir, 'app'), keyProvider: new EnvKeyProvider(env) })
    store.setEnvironment(environmentOf(ready.api))
    for (const [index, user] of ready.users.entries()) await queueApplicant(store, index, user)
    store.close()
  })
  afterAll(async () => {
    stop.abort()
    await sandboxExit
    await proxy?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** ali-oss sends an IP endpoint's requests with Host `<bucket>.<region>.aliyuncs.com`, which a proxy would follow; a name is kept. */
  const ossByName = () => ready.oss.replace('127.0.0.1', 'localhost')

  it('refuses a --ca-file that holds no certificate, and a --proxy that is not a proxy address', async () => {
    const notPem = join(dir, 'not-a-ca.pem')
    writeFileSync(notPem, 'hello')
    const base = ['sync', '--db', db, '--platform', ready.api, '--oss-endpoint', ossByName(), '--path-style']
    expect(await run([...base, '--ca-file', notPem], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('holds no PEM certificate') })
    expect(await run([...base, '--ca-file', join(dir, 'missing.pem')], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot be read (ENOENT)') })
    expect(await run([...base, '--proxy', 'ftp://proxy:21'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--proxy') })
  })

  it('syncs every applicant over https, each request through the proxy with its credentials', async () => {
    const proxyUrl = proxy.url.replace('http://', 'http://branch-07:pw@')
    const result = await run(
      ['sync', '--db', db, '--platform', ready.api, '--oss-endpoint', ossByName(), '--path-style', '--proxy', proxyUrl, '--ca-file', ready.ca, '--until-idle', '--json', '--retry-base-ms', '50'],
      env,
    )
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ event: 'finished', exitCode: 0, counts: { submitted: 2 } })
    // Two applicants: getsts, three uploads, authnew 1-4 and authinfoNew each, all tunnelled
    // (kept-alive tunnels carry several each): every one served came from the proxy's address.
    const served = sandboxLog.split('\n').filter((line) => /^\[sandbox\] (api|oss) /.test(line) && !line.includes('/__admin'))
    expect(served.length).toBeGreaterThanOrEqual(2 * 9)
    expect(served.filter((line) => !line.endsWith(` from ${PROXY_UPSTREAM_ADDRESS}`))).toEqual([])
    expect(proxy.seen.every((r) => r.method === 'CONNECT' && r.admitted)).toBe(true)
    expect(new Set(proxy.seen.map((r) => r.target))).toEqual(new Set([new URL(ready.api).host, new URL(ossByName()).host]))
  })
})
