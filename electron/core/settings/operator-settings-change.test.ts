import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { failAuditInserts, failedAuditMessage } from '../db/test-support/failing-audit'
import { DB_FILE } from '../queue/store'
import { openTestStore, type TestStore } from '../queue/test-fixtures'
import { saveOperatorSettingsChange } from './operator-settings-change'
import { SettingsService, type SettingsPatch } from './settings-service'

let t: TestStore
let settings: SettingsService
beforeEach(async () => {
  t = await openTestStore()
  settings = new SettingsService(t.store.settings, () => t.clock.now)
})
afterEach(() => t.cleanup())

const audited = (type: string) => t.store.events.listAfter(0, 100).filter((e) => e.type === type)

describe('an operator’s settings change', () => {
  it('is saved and on record: who changed which field from what to what', () => {
    saveOperatorSettingsChange(settings, t.store.events, { patch: { lockAfterIdleMinutes: 7 }, operatorId: 'op-1' })
    expect(settings.get().lockAfterIdleMinutes).toBe(7)
    expect(audited('settings-changed')).toEqual([
      expect.objectContaining({
        at: t.clock.now,
        operatorId: 'op-1',
        details: { changed: ['lockAfterIdleMinutes'], changes: [{ field: 'lockAfterIdleMinutes', from: 10, to: 7 }] },
      }),
    ])
    expect(audited('training-left')).toEqual([])
  })

  it('records leaving training mode with the platform it now points at', () => {
    saveOperatorSettingsChange(settings, t.store.events, { patch: { platform: { baseUrl: 'https://kyc.bank.example' } }, operatorId: 'op-1' })
    expect(audited('training-left')).toEqual([expect.objectContaining({ operatorId: 'op-1', details: { platform: 'https://kyc.bank.example' } })])
  })

  it('records the waiting applicants and what the admin chose for them', () => {
    settings.update({ platform: { baseUrl: 'https://kyc.bank.example' } })
    saveOperatorSettingsChange(settings, t.store.events, {
      patch: { platform: { baseUrl: 'https://kyc.other.example' } },
      operatorId: 'op-2',
      waitingApplicants: { count: 3, choice: 'retarget' },
    })
    expect(audited('settings-changed').at(-1)).toMatchObject({ operatorId: 'op-2', details: { waitingApplicants: 3, queuedApplicants: 'retarget' } })
    expect(audited('training-left')).toEqual([])
  })

  it('records nothing when nothing changed', () => {
    saveOperatorSettingsChange(settings, t.store.events, { patch: { lockAfterIdleMinutes: settings.get().lockAfterIdleMinutes }, operatorId: 'op-1' })
    expect(audited('settings-changed')).toEqual([])
  })
})

describe('an operator’s settings change and its audit events commit together', () => {
  const proxy: SettingsPatch = { network: { proxy: { mode: 'manual', url: 'http://proxy.bank.example:8080', username: 'branch-07', password: 'hunter2', bypass: [] } } }
  /** What is stored, read as a restart would read it. */
  const stored = () => new SettingsService(t.store.settings, () => t.clock.now).get()

  it.each<[string, SettingsPatch]>([
    ['the idle lock', { lockAfterIdleMinutes: 7 }],
    ['the proxy', proxy],
  ])('saves nothing when the change of %s cannot be put on record', (_, patch) => {
    const before = settings.get()
    const told: unknown[] = []
    settings.onChange((next) => told.push(next))
    failAuditInserts(join(t.dir, DB_FILE), 'settings-changed')
    // A storage failure, not a refusal: dispatch reports it as INTERNAL (see the settings handler's test).
    expect(() => saveOperatorSettingsChange(settings, t.store.events, { patch, operatorId: 'op-1' })).toThrow(expect.objectContaining({ name: 'SqliteError', message: failedAuditMessage }))
    expect(settings.get()).toEqual(before)
    expect(stored()).toEqual(before)
    expect(t.store.settings.get('app-settings:last-good', z.unknown())).toBeUndefined()
    expect(told).toEqual([])
    expect(audited('settings-changed')).toEqual([])
  })

  it('undoes the save and its first event when leaving training mode cannot be recorded', () => {
    failAuditInserts(join(t.dir, DB_FILE), 'training-left')
    expect(() => saveOperatorSettingsChange(settings, t.store.events, { patch: { platform: { baseUrl: 'https://kyc.bank.example' } }, operatorId: 'op-1' })).toThrow(
      failedAuditMessage,
    )
    expect(settings.get().platform.baseUrl).toBe('')
    expect(stored().platform.baseUrl).toBe('')
    expect(audited('settings-changed')).toEqual([])
  })

  it('saves the proxy with its event when the audit log takes it', () => {
    saveOperatorSettingsChange(settings, t.store.events, { patch: proxy, operatorId: 'op-1' })
    expect(stored().network.proxy).toMatchObject({ mode: 'manual', url: 'http://proxy.bank.example:8080', username: 'branch-07' })
    expect(audited('settings-changed')).toEqual([expect.objectContaining({ operatorId: 'op-1', details: expect.objectContaining({ changed: expect.arrayContaining(['network.proxy.mode', 'network.proxy.password']) }) })])
  })
})
