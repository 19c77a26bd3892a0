import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import type * as elementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { OperatorStatus, SettingsView } from '../../../shared/contract'
import { defaultSettings } from '../../../shared/domain/settings'
import { createAppI18n } from '../i18n'
import { useSessionStore } from '../stores/session'
import { fakeKyc } from '../test-support/fake-kyc'
import SettingsViewScreen from './SettingsView.vue'

/** The admin's answer in the message box: confirm is "re-target", cancel is "keep", close saves nothing. */
const answer = vi.hoisted(() => ({ value: 'cancel' as 'confirm' | 'cancel' | 'close' }))
vi.mock('element-plus', async (original) => {
  const actual = await original<typeof elementPlus>()
  return {
    ...actual,
    ElMessageBox: { confirm: () => (answer.value === 'confirm' ? Promise.resolve('confirm') : Promise.reject(answer.value)) },
  }
})

const admin: OperatorStatus = {
  setupRequired: false,
  signedIn: { id: 'op0', name: 'Lin', role: 'admin', mustChangePin: false, language: null },
  operators: [{ id: 'op0', name: 'Lin' }],
  lockAfterIdleMinutes: 10,
}
const live: SettingsView = {
  settings: { ...defaultSettings, platform: { ...defaultSettings.platform, baseUrl: 'https://kyc.example.cn' } },
  trainingMode: false,
  demoAccounts: [],
  trainingApplicants: 0,
  proxyPasswordSet: false,
}
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}

let pinia: ReturnType<typeof createPinia>
let kyc: ReturnType<typeof fakeKyc>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  kyc = fakeKyc()
  kyc.answer('operators:status', () => admin)
  kyc.answer('settings:get', () => live)
  kyc.answer('app:info', () => {
    throw { code: 'UNAVAILABLE', message: 'not needed here' }
  })
  kyc.answer('settings:update', (request) => {
    if (request.queuedApplicants === undefined) throw { code: 'CONFLICT', message: '2 wait', reason: { key: 'platform.waitingApplicants', params: { count: 2 } } }
    return live
  })
})
afterEach(() => document.body.replaceChildren())

async function saveWith(choice: 'confirm' | 'cancel' | 'close'): Promise<unknown[]> {
  answer.value = choice
  await useSessionStore().load()
  const wrapper = mount(SettingsViewScreen, { attachTo: document.body, global: { plugins: [pinia, createAppI18n('en'), ElementPlus], stubs: { RouterLink: true } } })
  await settle()
  await wrapper.get('[data-testid="settings-save"]').trigger('click')
  await settle()
  return kyc.callsTo('settings:update').map((r) => (r as { queuedApplicants?: string }).queuedApplicants ?? null)
}

describe('moving the live platform while its applicants wait', () => {
  it('asks the admin and saves again with "re-target"', async () => {
    expect(await saveWith('confirm')).toEqual([null, 'retarget'])
  })

  it('asks the admin and saves again with "keep"', async () => {
    expect(await saveWith('cancel')).toEqual([null, 'keep'])
  })

  it('saves nothing when the question is closed', async () => {
    expect(await saveWith('close')).toEqual([null])
  })
})
