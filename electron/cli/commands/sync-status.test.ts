import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { environmentOf } from '../../../shared/domain/environment'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
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

const userSchema = z.object({ uid: z.string(), token: z.string() })
const lineSchema = z.object({ event: z.enum(['step', 'state', 'finished']) }).passthrough()

describe('kyc-desk sync and status', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-cli-'))
  const env = { KYC_DESK_KEY: randomBytes(32).toString('hex') }
  const db = join(dir, 'app', 'kyc-desk.sqlite')
  let sandbox: RunningSandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0, dataDir: join(dir, 'sandbox') })
    const store = await openKycStore({ dataDir: join(dir, 'app'), keyProvider: new EnvKeyProvider(env) })
    // Captured for the platform the command line will sync with.
    store.setEnvironment(environmentOf(sandbox.api))
    const user = async () => {
      const response = await sandbox.admin.fetch(`/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      return userSchema.parse(await response.json())
    }
    for (let index = 0; index < 3; index++) await queueApplicant(store, index, await user())
    await queueApplicant(store, 3, await user(), { badCheckDigit: true })
    store.close()
  })
  afterAll(async () => {
    await sandbox?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses bad or missing flags with exit code 2 and prints help on --help', async () => {
    expect(await run(['sync', '--db', db, '--oss-endpoint', 'http://127.0.0.1:1'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('--platform: is required') })
    const badEncoding = await run(['sync', '--db', db, '--platform', 'http://a', '--oss-endpoint', 'http://b', '--encoding', 'xml'], env)
    expect(badEncoding).toMatchObject({ code: 2, stderr: expect.stringContaining('--encoding') })
    expect(await run(['sync', '--db', join(dir, 'none.sqlite'), '--platform', 'http://a', '--oss-endpoint', 'http://b'], env)).toMatchObject({ code: 2 })
    expect(await run(['status', '--db', db], {})).toMatchObject({ code: 2, stderr: expect.stringContaining('KYC_DESK_KEY') })
    expect(await run(['sync', '--help'], env)).toMatchObject({ code: 0, stdout: expect.stringContaining('--until-idle') })
  })

  it('syncs until idle with JSON lines, and exits 1 because one applicant needs attention', async () => {
    const result = await run(
      ['sync', '--db', db, '--platform', sandbox.api, '--oss-endpoint', sandbox.oss, '--path-style', '--language', 'en_US', '--until-idle', '--json', '--retry-base-ms', '50'],
      env,
    )
    expect(result.code).toBe(1)
    const lines = result.stdout.trim().split('\n').map((line) => lineSchema.parse(JSON.parse(line)))
    expect(lines.filter((l) => l.event === 'step').length).toBeGreaterThan(30)
    expect(lines.at(-1)).toMatchObject({ event: 'finished', exitCode: 1, counts: { submitted: 3, 'needs-attention': 1 } })
    expect(lines.find((l) => l.event === 'step' && l['state'] === 'failed')).toMatchObject({ step: 'authnew:1', error: { code: '-1000' } })
  })

  it('prints counts and steps, as text and as JSON, without personal data', async () => {
    const text = await run(['status', '--db', db], { ...env, LANG: 'C' })
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('4 applicants: Draft 0, Queued 0, Syncing 0, Waiting to retry 0, Needs attention 1, Needs a new account QR 0, Submitted 3,')
    expect(text.stdout).toMatch(/ {2}Needs attention {2}/)
    expect(text.stdout).toContain('authnew:1 Failed: needs attention ×1')
    expect(text.stdout).toMatch(/ {2}refused by the platform: .*wrong check character.* \(-1000\)\n/)
    expect(text.stdout).not.toMatch(/needs-attention/)
    expect(text.stdout).not.toContain('测试')

    // The same report in Chinese, from the tables the screens use; the platform's message as it came.
    const zh = await run(['status', '--db', db], { ...env, LANG: 'zh_CN.UTF-8' })
    expect(zh.stdout).toContain('共 4 位申请人：草稿 0、排队中 0、同步中 0、等待重试 0、需处理 1、需新账户二维码 0、已提交 3、')
    expect(zh.stdout).toMatch(/ {2}需处理 {2}/)
    expect(zh.stdout).toContain('authnew:1 失败，需处理 ×1 · authnew:2 等待中')
    expect(zh.stdout).toMatch(/ {2}平台拒绝：.*wrong check character.*（-1000）\n/)
    expect(zh.stdout).not.toMatch(/applicants|needs-attention|submitted|refused/)

    const json = await run(['status', '--db', db, '--json'], env)
    const parsed = z
      .object({ counts: z.record(z.string(), z.number()), applicants: z.array(z.object({ status: z.string(), steps: z.array(z.unknown()) })) })
      .parse(JSON.parse(json.stdout))
    expect(parsed.counts).toMatchObject({ submitted: 3, 'needs-attention': 1 })
    expect(parsed.applicants.every((a) => a.steps.length === 9)).toBe(true)
  })

  it('a second run finds only finished work and still reports the applicant that needs a person (exit 1)', async () => {
    const argv = ['sync', '--db', db, '--platform', sandbox.api, '--oss-endpoint', sandbox.oss, '--path-style', '--until-idle']
    const again = await run(argv, { ...env, LANG: 'C' })
    // Still one needing attention: the engine never retries it by itself.
    expect(again.code).toBe(1)
    expect(again.stdout).toContain('] 3/4 submitted · 1 needs attention\n')
    expect(again.stdout).toMatch(/\nNeeds attention 1, Submitted 3\n$/)

    const zh = await run(argv, { ...env, LANG: 'zh_CN.UTF-8' })
    expect(zh.code).toBe(1)
    expect(zh.stdout).toContain('] 已提交 3 / 4 · 1 位需处理\n')
    expect(zh.stdout).toMatch(/\n需处理 1、已提交 3\n$/)
  })
})
