import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { settingsSchema } from '../../../shared/domain/settings'
import { DB_FILE } from '../queue/store'
import { openTestStore, type TestStore } from '../queue/test-fixtures'
import { SettingsService, settingsUnreadableMessage } from './settings-service'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => t.cleanup())

const service = () => new SettingsService(t.store.settings, () => t.clock.now)

/** Writes a raw value into the settings table, as a damaged disk or a hand edit would leave it. */
async function damage(key: string, raw: string): Promise<void> {
  t.store.close()
  const db = new Database(join(t.dir, DB_FILE))
  db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(raw, key)
  db.close()
  await t.reopen()
}

const defaults = settingsSchema.parse({})
const live = { platform: { baseUrl: 'https://kyc.bank.example' } }

describe('finding 9: settings that fail to parse keep the last good copy, or lock', () => {
  it('keeps the document in force as the last good copy whenever settings are saved', () => {
    service().update(live)
    service().update({ lockAfterIdleMinutes: 7 })
    expect(t.store.settings.get('app-settings:last-good', z.object({ platform: z.object({ baseUrl: z.string() }), lockAfterIdleMinutes: z.number() }))).toEqual({
      platform: { baseUrl: 'https://kyc.bank.example' },
      lockAfterIdleMinutes: defaults.lockAfterIdleMinutes,
    })
    expect(service().get()).toMatchObject({ platform: { baseUrl: 'https://kyc.bank.example' }, lockAfterIdleMinutes: 7 })
  })

  it.each([
    // The table only holds valid JSON (a CHECK constraint); what can go wrong is its shape.
    ['not an object', '"settings"'],
    ['not valid settings', JSON.stringify({ platform: { baseUrl: 42 } })],
  ])('starts on the last good copy when the current document is %s', async (_, raw) => {
    service().update(live)
    service().update({ lockAfterIdleMinutes: 7 })
    await damage('app-settings', raw)
    const recovered = service()
    expect(recovered.health).toEqual({ kind: 'recovered' })
    expect(recovered.get().platform.baseUrl).toBe('https://kyc.bank.example')
    // The next save writes a good document again, and keeps the recovered one as the last good.
    recovered.update({ lockAfterIdleMinutes: 9 })
    expect(service().health).toEqual({ kind: 'ok' })
    expect(service().get()).toMatchObject({ platform: { baseUrl: 'https://kyc.bank.example' }, lockAfterIdleMinutes: 9 })
  })

  it('is locked, not on defaults (training mode), when neither copy parses; saving is refused', async () => {
    service().update(live)
    service().update({ lockAfterIdleMinutes: 7 })
    await damage('app-settings', '[]')
    await damage('app-settings:last-good', JSON.stringify({ platform: null }))
    const locked = service()
    expect(locked.health).toEqual({ kind: 'unreadable' })
    expect(() => locked.update({ platform: { baseUrl: '' } })).toThrow(expect.objectContaining({ code: 'UNAVAILABLE', message: settingsUnreadableMessage }))
    expect(settingsUnreadableMessage).toMatch(/IT: restore the data folder/)
    expect(settingsUnreadableMessage).toMatch(/已锁定/)
  })

  it('a first start with nothing stored is not a failure', () => {
    expect(service().health).toEqual({ kind: 'ok' })
    expect(service().get().platform.baseUrl).toBe('')
  })
})
