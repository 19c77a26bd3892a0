import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { submissionSteps } from '../../../shared/domain/steps'
import { openKycStore } from '../../core/queue/store'
import { createQueued, runSteps } from '../../core/queue/test-fixtures'
import { SettingsService } from '../../core/settings/settings-service'
import { EnvKeyProvider } from '../../core/vault/env-key-provider'
import { main } from '../main'
import { capture } from '../test-support/capture-output'

async function status(env: NodeJS.ProcessEnv, json = false) {
  const out = capture()
  const err = capture()
  const code = await main(['status', '--db', db, ...(json ? ['--json'] : [])], { stdout: out.stream, stderr: err.stream, env })
  return { code, stdout: out.text(), stderr: err.text() }
}

const dir = mkdtempSync(join(tmpdir(), 'kyc-status-'))
const db = join(dir, 'kyc-desk.sqlite')
const key = { KYC_DESK_KEY: randomBytes(32).toString('hex') }
// 2026-11-29T01:31:11Z: 09:31:11 in the branch's Beijing, whatever zone this computer is in.
const retryAt = Date.UTC(2026, 10, 29, 1, 31, 11)

describe('kyc-desk status for the operator', () => {
  beforeAll(async () => {
    const store = await openKycStore({ dataDir: dir, keyProvider: new EnvKeyProvider(key) })
    new SettingsService(store.settings, Date.now).update({ timeZone: 'Asia/Shanghai' })
    const waiting = await createQueued(store)
    // Ours, with its reason: worded from the table, never the English message for the log.
    store.steps.markStep(waiting, 'sts', { kind: 'started' })
    store.steps.markStep(waiting, 'sts', {
      kind: 'failed-transient',
      error: { code: 'deadline', message: 'platform deadline of 30000 ms passed', reason: { key: 'stepError.platform.deadline', params: { seconds: 30 } } },
      nextAttemptAt: retryAt,
    })
    const purged = await createQueued(store)
    runSteps(store, purged, submissionSteps)
    const gone = store.applicants.purge(purged, null, 'retention')
    if (!gone.ok) throw new Error(gone.reason)
    store.close()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('speaks English under LANG=C: status words, our error from its reason, the retry in the branch zone', async () => {
    const { code, stdout } = await status({ ...key, LANG: 'C' })
    expect(code).toBe(0)
    expect(stdout).toContain('2 applicants: Draft 0, Queued 0, Syncing 0, Waiting to retry 1, Needs attention 0, Needs a new account QR 0, Submitted 1, Face check pending 0, Verified 0\n')
    expect(stdout).toMatch(/ {2}\(purged\) {2}Submitted {2}/)
    expect(stdout).toMatch(/ {2}Waiting to retry {2}/)
    expect(stdout).toContain('sts Waiting to retry ×1 next 2026-11-29T09:31:11+08:00 · upload:front Pending')
    expect(stdout).toContain('  temporary, retried automatically: The platform did not finish answering within 30 s; retrying automatically (deadline)\n')
    expect(stdout).not.toContain('platform deadline of 30000 ms passed')
  })

  it('speaks Chinese under LANG=zh_CN.UTF-8, from the tables the screens use', async () => {
    const { stdout } = await status({ ...key, LANG: 'zh_CN.UTF-8' })
    expect(stdout).toContain('共 2 位申请人：草稿 0、排队中 0、同步中 0、等待重试 1、需处理 0、需新账户二维码 0、已提交 1、待人脸核验 0、已认证 0\n')
    expect(stdout).toMatch(/ {2}（已清除） {2}已提交 {2}/)
    expect(stdout).toContain('sts 等待自动重试 ×1 下次 2026-11-29T09:31:11+08:00 · upload:front 等待中')
    expect(stdout).toContain('  暂时失败，将自动重试：平台未在 30 秒内答复完毕，将自动重试（deadline）\n')
    expect(stdout).not.toMatch(/applicants|purged|Submitted|retrying/)
  })

  it('keeps --json in codes for scripts, whatever the language', async () => {
    const { stdout } = await status({ ...key, LANG: 'zh_CN.UTF-8' }, true)
    const parsed = JSON.parse(stdout) as { counts: Record<string, number>; applicants: { status: string; label: string | null; lastError: { message: string } | null }[] }
    expect(parsed.counts).toMatchObject({ 'waiting-retry': 1, submitted: 1 })
    expect(parsed.applicants.map((a) => a.status)).toEqual(['waiting-retry', 'submitted'])
    expect(parsed.applicants[1]?.label).toBeNull()
    expect(parsed.applicants[0]?.lastError?.message).toBe('platform deadline of 30000 ms passed')
  })
})
