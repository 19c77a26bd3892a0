import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { SettingsView } from '../../../shared/contract'
import { defaultSettings } from '../../../shared/domain/settings'
import { fakeKyc } from '../test-support/fake-kyc'
import { settingsFieldErrors } from './settings-errors'
import { useSettingsStore } from './settings'

const view = (over: Partial<SettingsView['settings']> = {}): SettingsView => ({
  settings: { ...defaultSettings, ...over },
  proxyPasswordSet: false,
  trainingMode: true,
  demoAccounts: [{ index: 0, uidMasked: '••••1234' }],
  trainingApplicants: 0,
})

let kyc: ReturnType<typeof fakeKyc>
beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
})

describe('settingsFieldErrors', () => {
  it('names each invalid field by its path, with what is wrong', () => {
    const draft = structuredClone(defaultSettings)
    draft.platform.baseUrl = 'http://platform.example.com'
    draft.oss.endpoint = 'not a url'
    draft.sync.concurrency = 40
    draft.sync.retryBaseMs = 10
    draft.retention.purgeVerifiedAfterDays = Number.NaN
    expect(settingsFieldErrors(draft)).toEqual({
      'platform.baseUrl': { key: 'https' },
      'oss.endpoint': { key: 'url' },
      'sync.concurrency': { key: 'max', max: 16 },
      'sync.retryBaseMs': { key: 'min', min: 100 },
      'retention.purgeVerifiedAfterDays': { key: 'number' },
    })
    expect(settingsFieldErrors(defaultSettings)).toEqual({})
  })

  it('names the rule a verify template, origin or error code breaks', () => {
    const draft = structuredClone(defaultSettings)
    draft.platform.verifyUrlTemplate = 'https://h5.example.com/verify'
    draft.platform.verifyOrigins = ['https://h5.example.com/path']
    draft.platform.errorActions = { '': 'rebind' }
    expect(settingsFieldErrors(draft)).toEqual({
      'platform.verifyUrlTemplate': { key: 'template' },
      'platform.verifyOrigins.0': { key: 'origin' },
      'platform.errorActions.': { key: 'code' },
    })
    draft.platform.verifyUrlTemplate = 'http://h5.example.com/verify?token={token}'
    expect(settingsFieldErrors(draft)['platform.verifyUrlTemplate']).toEqual({ key: 'https' })
  })
})

describe('settings store', () => {
  it('loads, saves a change, and keeps a refusal with its field issues', async () => {
    kyc.answer('settings:get', () => view())
    kyc.answer('settings:update', (patch) => {
      if (patch.sync?.['concurrency'] === 99) {
        throw { code: 'INVALID_INPUT', message: 'Some settings are not valid', issues: [{ field: 'sync.concurrency', code: 'too_big', severity: 'error', message: 'too big' }] }
      }
      return view({ language: patch.language ?? 'zh-CN' })
    })
    const store = useSettingsStore()
    await store.load()
    expect(store.view?.trainingMode).toBe(true)
    expect(await store.save({ language: 'en' })).toBeNull()
    expect(store.view?.settings.language).toBe('en')
    const refused = await store.save({ sync: { concurrency: 99 } })
    expect(refused?.issues?.[0]?.field).toBe('sync.concurrency')
    expect(store.view?.settings.language).toBe('en')
  })

  it('tests the connection with the unsaved settings and a typed account, keeping only the result', async () => {
    kyc.answer('settings:test-connection', () => ({
      platformHost: 'api.example.com',
      trainingMode: false,
      platform: { finding: 'sts-refused', ok: false, stage: 'credentials', code: '-1001', platformMessage: 'refused', ms: 12 },
      oss: { finding: 'oss-answers', ok: true, stage: 'reachability', code: '403', ms: 3 },
    }))
    const store = useSettingsStore()
    await store.testConnection({ platform: { baseUrl: 'https://api.example.com' } }, { uid: '42', token: 'typed-token' })
    expect(kyc.callsTo('settings:test-connection')).toEqual([{ patch: { platform: { baseUrl: 'https://api.example.com' } }, account: { uid: '42', token: 'typed-token' } }])
    expect(store.lastTest?.platform.stage).toBe('credentials')
    expect(JSON.stringify(store.$state)).not.toContain('typed-token')
  })
})
