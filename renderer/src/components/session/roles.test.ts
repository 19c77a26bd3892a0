import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import type { OperatorStatus } from '../../../../shared/contract'
import { defaultSettings, type Settings } from '../../../../shared/domain/settings'
import { createAppI18n } from '../../i18n'
import { useOperatorsStore } from '../../stores/operators'
import { useSessionStore } from '../../stores/session'
import { fakeKyc } from '../../test-support/fake-kyc'
import IpcErrorAlert from '../IpcErrorAlert.vue'
import PlatformSettings from '../settings/PlatformSettings.vue'
import SessionGate from './SessionGate.vue'

const status = (role: 'admin' | 'operator', mustChangePin = false): OperatorStatus => ({
  setupRequired: false,
  signedIn: { id: 'op1', name: 'Wang', role, mustChangePin, language: null },
  operators: [{ id: 'op1', name: 'Wang' }],
  lockAfterIdleMinutes: 10,
})

let pinia: ReturnType<typeof createPinia>
let kyc: ReturnType<typeof fakeKyc>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  kyc = fakeKyc()
})
afterEach(() => document.body.replaceChildren())

const plugins = (locale: 'en' | 'zh-CN' = 'en') => [pinia, createAppI18n(locale), ElementPlus]

describe('admin-only settings on screen', () => {
  async function platformFor(role: 'admin' | 'operator') {
    kyc.answer('operators:status', () => status(role))
    await useSessionStore().load()
    const model: Settings = structuredClone(defaultSettings)
    return mount(PlatformSettings, { attachTo: document.body, props: { model, errors: {}, serverErrors: {} }, global: { plugins: plugins() } })
  }

  it('shows the platform URL read-only to an operator, with the reason', async () => {
    const wrapper = await platformFor('operator')
    const url = wrapper.get('input[data-testid="setting-baseUrl"]')
    expect(url.attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-path="platform.baseUrl"] [data-testid="setting-admin-only"]').text()).toBe('Only an admin may change this')
  })

  it('lets an admin edit it', async () => {
    const wrapper = await platformFor('admin')
    expect(wrapper.get('input[data-testid="setting-baseUrl"]').attributes('disabled')).toBeUndefined()
    expect(wrapper.find('[data-testid="setting-admin-only"]').exists()).toBe(false)
  })
})

describe('a session ended by the core', () => {
  it('shows the sign-in list afresh, without an operator who was just disabled', async () => {
    kyc.answer('operators:status', () => status('operator'))
    const session = useSessionStore()
    await session.load()
    kyc.answer('operators:status', () => ({ ...status('admin'), signedIn: null, operators: [{ id: 'op0', name: 'Lin' }] }))
    session.markLocked()
    expect(session.signedIn).toBeNull()
    await new Promise((r) => setTimeout(r, 0))
    expect(session.status?.operators.map((o) => o.name)).toEqual(['Lin'])
  })
})

describe('the session gate', () => {
  it('shows only the PIN change after a temporary PIN, then the app', async () => {
    kyc.answer('operators:status', () => status('operator', true))
    kyc.answer('operators:change-pin', () => status('operator', false))
    const wrapper = mount(SessionGate, { attachTo: document.body, slots: { default: '<p data-testid="app">app</p>' }, global: { plugins: plugins() } })
    await new Promise((r) => setTimeout(r, 0))
    await nextTick()
    expect(wrapper.find('[data-testid="change-pin"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="app"]').exists()).toBe(false)
    await wrapper.get('#pin-current').setValue('48203917')
    await wrapper.get('#pin-next').setValue('135792')
    await wrapper.get('#pin-again').setValue('135792')
    await wrapper.get('form').trigger('submit')
    await new Promise((r) => setTimeout(r, 0))
    await nextTick()
    expect(kyc.callsTo('operators:change-pin')).toEqual([{ currentPin: '48203917', newPin: '135792' }])
    expect(wrapper.find('[data-testid="app"]').exists()).toBe(true)
  })
})

describe('sign-in refusals in both languages', () => {
  const heldOff = { code: 'LOCKED' as const, message: 'Too many wrong PINs: try again in 4 min', reason: { key: 'signIn.heldOff', params: { n: 4 } } }

  it('words the core reason in English and in Chinese', () => {
    const en = mount(IpcErrorAlert, { props: { error: heldOff }, global: { plugins: plugins('en') } })
    expect(en.get('[data-testid="ipc-error-reason"]').text()).toBe('Too many wrong PINs: try again in 4 minutes')
    const zh = mount(IpcErrorAlert, { props: { error: heldOff }, global: { plugins: plugins('zh-CN') } })
    expect(zh.get('[data-testid="ipc-error-reason"]').text()).toBe('PIN 错误次数过多，请 4 分钟后再试')
  })

  it('uses the plural English needs for one attempt left', () => {
    const one = { code: 'INVALID_INPUT' as const, message: 'Wrong PIN', reason: { key: 'signIn.wrongPin', params: { n: 1 } } }
    expect(mount(IpcErrorAlert, { props: { error: one }, global: { plugins: plugins('en') } }).text()).toContain('Wrong PIN (1 attempt left)')
    expect(mount(IpcErrorAlert, { props: { error: one }, global: { plugins: plugins('zh-CN') } }).text()).toContain('PIN 错误（还可尝试 1 次）')
  })

  it('falls back to the code in the operator\'s language for a reason it does not know, never the English log text', () => {
    const wrapper = mount(IpcErrorAlert, { props: { error: { code: 'CONFLICT', message: 'Raw text', reason: { key: 'nobody.knows' } } }, global: { plugins: plugins('zh-CN') } })
    expect(wrapper.get('[data-testid="ipc-error-reason"]').text()).toBe('操作与当前状态冲突。')
    expect(wrapper.text()).not.toContain('Raw text')
  })
})

describe('operators store', () => {
  it('shows the temporary PIN of a new operator once, and a refusal as a typed error', async () => {
    kyc.answer('operators:list', () => ({ operators: [] }))
    kyc.answer('operators:add', ({ name, role }) => ({
      operator: { id: 'op2', name, role, pinState: 'temporary', createdAt: 1, disabledAt: null },
      temporaryPin: '48203917',
    }))
    const store = useOperatorsStore()
    expect(await store.add('Zhao', 'operator')).toBe(true)
    expect(store.revealed).toEqual({ name: 'Zhao', pin: '48203917' })
    store.forgetPin()
    expect(store.revealed).toBeNull()
    kyc.answer('operators:disable', () => {
      throw { code: 'CONFLICT', message: 'At least one active admin must remain', reason: { key: 'operators.lastAdmin' } }
    })
    expect(await store.disable('op1')).toBe(false)
    expect(store.error?.reason?.key).toBe('operators.lastAdmin')
  })
})
