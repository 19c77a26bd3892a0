import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openKycStore } from '../../core/queue/store'
import { SettingsService } from '../../core/settings/settings-service'
import { queueApplicant } from '../../core/sync/test-support/applicants'
import { EnvKeyProvider } from '../../core/vault/env-key-provider'
import { main } from '../main'

async function run(argv: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  let stderr = ''
  const sink = (write: (text: string) => void) => new Writable({ write: (chunk: Buffer, _e, done) => (write(chunk.toString()), done()) })
  const code = await main(argv, { stdout: sink(() => undefined), stderr: sink((t) => (stderr += t)), env })
  return { code, stderr }
}

describe('finding 9 on the command line: unreadable settings are not replaced by defaults', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-cli-settings-'))
  const env = { KYC_DESK_KEY: randomBytes(32).toString('hex') }
  const db = join(dir, 'app', 'kyc-desk.sqlite')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses every command that opens the queue, and tags no applicant as training', async () => {
    const store = await openKycStore({ dataDir: join(dir, 'app'), keyProvider: new EnvKeyProvider(env) })
    new SettingsService(store.settings, Date.now).update({ platform: { baseUrl: 'https://kyc.example.cn' } })
    const id = await queueApplicant(store, 1, { uid: '100000000001', token: 'token-1-abcdefgh' })
    store.close()
    const raw = new Database(db)
    raw.prepare("UPDATE settings SET value = '[]' WHERE key LIKE 'app-settings%'").run()
    raw.prepare('UPDATE applicants SET environment = NULL').run()
    raw.close()
    for (const argv of [['status', '--db', db], ['sync', '--db', db, '--platform', 'https://kyc.example.cn', '--oss-endpoint', 'https://oss.example.cn', '--until-idle']]) {
      const result = await run(argv, env)
      expect(result.code, argv[0]).toBe(2)
      expect(result.stderr).toContain('kyc-desk is locked')
    }
    const check = new Database(db)
    expect(check.prepare('SELECT environment FROM applicants WHERE id = ?').get(id)).toEqual({ environment: null })
    check.close()
  })
})
