import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openTestStore, type TestStore } from '../queue/test-fixtures'
import { saveOperatorSettingsChange } from './operator-settings-change'
import { SettingsService } from './settings-service'

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
