import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { useI18n } from 'vue-i18n'
import type { LeaveTrainingChecklist, OperatorStatus } from '../../../../shared/contract'
import { useLanguage, useSavedLanguage } from '../../composables/useLanguage'
import { createAppI18n } from '../../i18n'
import { useSessionStore } from '../../stores/session'
import { useSettingsStore } from '../../stores/settings'
import { fakeKyc } from '../../test-support/fake-kyc'
import LeaveTrainingPanel from './LeaveTrainingPanel.vue'

const status = (role: 'admin' | 'operator', language: 'en' | 'zh-CN' | null = null): OperatorStatus => ({
  setupRequired: false,
  signedIn: { id: 'op1', name: 'Wang', role, mustChangePin: false, language },
  operators: [{ id: 'op1', name: 'Wang' }],
  lockAfterIdleMinutes: 10,
})
const checklist = (tested: boolean): LeaveTrainingChecklist => ({
  trainingMode: true,
  ready: tested,
  items: [
    { item: 'platform-url', ok: true },
    { item: 'oss', ok: true },
    { item: 'connection-test', ok: tested },
  ],
})
const settle = async () => {
  await new Promise((r) => setTimeout(r, 0))
  await nextTick()
}

let pinia: ReturnType<typeof createPinia>
let kyc: ReturnType<typeof fakeKyc>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  kyc = fakeKyc()
})
afterEach(() => document.body.replaceChildren())

describe('the leave-training checklist', () => {
  const patch = () => ({ platform: { baseUrl: 'https://kyc.example.cn' }, oss: { region: 'oss-cn-hangzhou' } })

  it('shows each item with its state and enables the switch only when all pass', async () => {
    let tested = false
    kyc.answer('operators:status', () => status('admin'))
    kyc.answer('training:leave-checklist', () => checklist(tested))
    await useSessionStore().load()
    const wrapper = mount(LeaveTrainingPanel, { attachTo: document.body, props: { patch, draftKey: 'a' }, global: { plugins: [pinia, createAppI18n('en'), ElementPlus] } })
    await settle()
    expect(kyc.callsTo('training:leave-checklist')).toEqual([{ patch: patch() }])
    expect(wrapper.get('[data-testid="leave-item-connection-test"]').attributes('data-ok')).toBe('false')
    expect(wrapper.get('[data-testid="leave-item-connection-test"]').text()).toContain('Not met')
    expect(wrapper.get('[data-testid="leave-training-button"]').attributes('disabled')).toBeDefined()

    // A connection test ran: the checklist is asked again.
    tested = true
    useSettingsStore().lastTest = { platformHost: 'kyc.example.cn', trainingMode: false, platform: { finding: 'envelope-only', ok: true, stage: 'envelope', code: '-1', host: 'kyc.example.cn', platformMessage: '', ms: 1 }, oss: { finding: 'oss-answers', ok: true, stage: 'reachability', code: '403', ms: 1 } }
    await settle()
    expect(wrapper.get('[data-testid="leave-item-connection-test"]').attributes('data-ok')).toBe('true')
    expect(wrapper.get('[data-testid="leave-training-button"]').attributes('disabled')).toBeUndefined()
  })

  it('tells an operator that only an admin may leave, and asks the core nothing', async () => {
    kyc.answer('operators:status', () => status('operator'))
    await useSessionStore().load()
    const wrapper = mount(LeaveTrainingPanel, { props: { patch, draftKey: 'a' }, global: { plugins: [pinia, createAppI18n('zh-CN'), ElementPlus] } })
    await settle()
    expect(wrapper.get('[data-testid="leave-training-admin-only"]').text()).toBe('仅管理员可以退出培训模式')
    expect(kyc.callsTo('training:leave-checklist')).toEqual([])
  })
})

describe('the interface language per operator', () => {
  const Probe = defineComponent({
    setup() {
      useSavedLanguage()
      const language = useLanguage()
      const { locale } = useI18n({ useScope: 'global' })
      return () => h('button', { 'data-locale': locale.value, onClick: () => void language.set('zh-CN') })
    },
  })

  it('applies the operator’s own language at sign-in and keeps a change with them, not the machine', async () => {
    kyc.answer('operators:status', () => status('operator', 'en'))
    kyc.answer('operators:set-language', ({ language }) => status('operator', language))
    kyc.answer('settings:get', () => {
      throw { code: 'FORBIDDEN', message: 'not asked' }
    })
    await useSessionStore().load()
    const wrapper = mount(Probe, { global: { plugins: [pinia, createAppI18n('zh-CN')] } })
    await settle()
    expect(wrapper.get('button').attributes('data-locale')).toBe('en')
    await wrapper.get('button').trigger('click')
    await settle()
    expect(kyc.callsTo('operators:set-language')).toEqual([{ language: 'zh-CN' }])
    expect(kyc.callsTo('settings:update')).toEqual([])
    expect(useSessionStore().signedIn?.language).toBe('zh-CN')
  })
})
