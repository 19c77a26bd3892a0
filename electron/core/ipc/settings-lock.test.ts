import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from './dispatch'
import { originSenderPolicy } from './sender-policy'
import { DB_FILE, openKycStore } from '../queue/store'
import { SettingsService, settingsUnreadableMessage } from '../settings/settings-service'
import { KeyFileProvider } from '../vault/key-file-provider'
import { createCore, type Core } from '../app/create-core'

const origin = 'app://kyc-desk'
let dir: string
let core: Core | null = null
afterEach(async () => {
  await core?.close()
  core = null
  rmSync(dir, { recursive: true, force: true })
})

describe('finding 9: a core whose settings cannot be read starts locked, not in training mode', () => {
  it('answers every channel but app:info with the message for IT, and runs no sync', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-locked-'))
    const dataDir = join(dir, 'app')
    const keyProvider = new KeyFileProvider({ file: join(dir, 'kek') })
    const store = await openKycStore({ dataDir, keyProvider })
    const settings = new SettingsService(store.settings, Date.now)
    settings.update({ platform: { baseUrl: 'https://kyc.bank.example' } })
    settings.update({ lockAfterIdleMinutes: 9 })
    store.close()
    const db = new Database(join(dataDir, DB_FILE))
    db.prepare("UPDATE settings SET value = '[]' WHERE key LIKE 'app-settings%'").run()
    db.close()

    core = await createCore({ dataDir, appVersion: '0.0.0-test', keyProvider })
    const call = (channel: Parameters<typeof dispatch>[1], request: unknown) =>
      dispatch(core!.handlers, channel, request as never, `${origin}/index.html`, originSenderPolicy([origin]), core!.log)

    expect(await call('app:info', {})).toMatchObject({ ok: true, value: { trainingMode: false } })
    for (const [channel, request] of [
      ['operators:status', {}],
      ['operators:create', { name: 'IT', pin: '246810' }],
      ['settings:get', {}],
      ['applicants:list', {}],
    ] as const) {
      expect(await call(channel, request), channel).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: settingsUnreadableMessage, reason: { key: 'settings.unreadable' } } })
    }
    expect(core.sync.current.state().running).toBe(false)
  })
})
