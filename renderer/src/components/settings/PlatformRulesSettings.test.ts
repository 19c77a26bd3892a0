import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import type { OperatorStatus, SettingsView } from '../../../../shared/contract'
import { defaultSettings, type Settings } from '../../../../shared/domain/settings'
import { createAppI18n } from '../../i18n'
import { useSessionStore } from '../../stores/session'
import { settingsFieldErrors } from '../../stores/settings-errors'
import { fakeKyc } from '../../test-support/fake-kyc'
import SettingsViewPage from '../../views/SettingsView.vue'
import PlatformRulesSettings from './PlatformRulesSettings.vue'

const status = (role: 'admin' | 'operator'): OperatorStatus => ({
  setupRequired: false,
  signedIn: { id: 'op1', name: 'Wang', role, mustChangePin: false, language: null },
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
// Mounting Element Plus forms is slow on a shared CI core; nothing here waits on time.
vi.setConfig({ testTimeout: 30_000 })

/** The section as the settings view uses it: a draft it edits in place, errors from the shared schema. */
async function mountRules(role: 'admin' | 'operator', locale: 'en' | 'zh-CN', edit: (s: Settings) => void = () => undefined) {
  kyc.answer('operators:status', () => status(role))
  await useSessionStore().load()
  const draft = ref<Settings>(structuredClone(defaultSettings))
  edit(draft.value)
  const Host = defineComponent(() => () =>
    h(PlatformRulesSettings, {
      model: draft.value,
      'onUpdate:model': (next: Settings) => (draft.value = next),
      errors: settingsFieldErrors(draft.value),
      serverErrors: {},
    }),
  )
  const wrapper = mount(Host, { attachTo: document.body, global: { plugins: [pinia, createAppI18n(locale), ElementPlus] } })
  await flushPromises()
  return { wrapper, draft }
}

function selectNamed(wrapper: ReturnType<typeof mount>, testId: string) {
  const found = wrapper.findAllComponents({ name: 'ElSelect' }).find((c) => c.attributes('data-testid') === testId)
  if (!found) throw new Error(`no select ${testId}`)
  return found
}

describe('settings: further verify origins', () => {
  it('adds an origin, and says per field why one is refused, in both languages', async () => {
    const { wrapper, draft } = await mountRules('admin', 'en')
    await wrapper.get('[data-testid="verify-origin-add"]').trigger('click')
    await wrapper.get('input[data-testid="verify-origin"]').setValue('http://h5.example.com/path')
    await flushPromises()
    expect(draft.value.platform.verifyOrigins).toEqual(['http://h5.example.com/path'])
    expect(wrapper.get('[data-path="platform.verifyOrigins.0"] [data-testid="setting-error"]').text()).toBe(
      'Must be an https:// origin, host (and port) only, e.g. https://h5.example.com',
    )
    await wrapper.get('input[data-testid="verify-origin"]').setValue('https://H5.example.com')
    await flushPromises()
    expect(wrapper.find('[data-path="platform.verifyOrigins.0"] [data-testid="setting-error"]').exists()).toBe(false)

    const zh = await mountRules('admin', 'zh-CN', (s) => (s.platform.verifyOrigins = ['javascript:alert(1)']))
    expect(zh.wrapper.get('[data-path="platform.verifyOrigins.0"] [data-testid="setting-error"]').text()).toContain('必须是 https:// 来源')
  })
})

describe('settings: reconciliation rule per field', () => {
  it('offers exact or the field’s tolerant rule, marks the default, and stores only what differs from it', async () => {
    const { wrapper, draft } = await mountRules('admin', 'en')
    const select = selectNamed(wrapper, 'reconcile-rule-documentNumber')
    select.vm.$emit('update:modelValue', 'exact')
    await flushPromises()
    expect(draft.value.platform.reconcileRules).toEqual({ documentNumber: 'exact' })
    select.vm.$emit('update:modelValue', 'masked')
    await flushPromises()
    expect(draft.value.platform.reconcileRules).toEqual({})
    expect(document.body.textContent).toContain('Masked (* or • stand for any characters; at least 4 visible, and they agree) (default)')
  })
})

describe('settings: error-action overrides', () => {
  it('maps a code to an action beside the built-in one, and refuses an empty code and a repeated one', async () => {
    const { wrapper, draft } = await mountRules('admin', 'en')
    await wrapper.get('[data-testid="error-action-add"]').trigger('click')
    await wrapper.get('input[data-testid="error-action-code"]').setValue('-1001')
    await flushPromises()
    expect(wrapper.get('[data-path="platform.errorActions.-1001"]').text()).toContain('Built in: Scan the new account QR')
    selectNamed(wrapper, 'error-action-action').vm.$emit('update:modelValue', 'call-it')
    await flushPromises()
    expect(draft.value.platform.errorActions).toEqual({ '-1001': 'call-it' })

    await wrapper.get('[data-testid="error-action-add"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-path="platform.errorActions."] [data-testid="setting-error"]').text()).toBe('An error code is 1 to 64 characters')
    await wrapper.findAll('input[data-testid="error-action-code"]')[1]!.setValue('-1001')
    await flushPromises()
    expect(wrapper.get('[data-path="platform.errorActions.-1001#1"] [data-testid="setting-error"]').text()).toBe('This code is already in the table')
    expect(draft.value.platform.errorActions).toEqual({ '-1001': 'call-it' })
  })

  it('shows the built-in table in Chinese', async () => {
    const { wrapper } = await mountRules('admin', 'zh-CN')
    expect(wrapper.get('[data-testid="error-actions-built-in"]').text()).toContain('-1001 → 扫描新的账户二维码')
  })
})

describe('settings: the platform rules are an admin’s', () => {
  it('shows them read-only to an operator, with the reason, and no add buttons', async () => {
    const { wrapper } = await mountRules('operator', 'en', (s) => {
      s.platform.verifyOrigins = ['https://h5.example.com']
      s.platform.errorActions = { '401': 'rebind' }
    })
    expect(wrapper.get('input[data-testid="verify-origin"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('input[data-testid="error-action-code"]').attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-path="platform.reconcileRules.birthday"] [data-testid="setting-admin-only"]').text()).toBe('Only an admin may change this')
    expect(wrapper.find('[data-testid="verify-origin-add"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="error-action-add"]').exists()).toBe(false)
  })
})

describe('settings view: the platform rules are saved through settings:update', () => {
  it('sends the origins and the error actions with the rest of the platform settings', async () => {
    kyc.answer('operators:status', () => status('admin'))
    await useSessionStore().load()
    const view: SettingsView = { settings: structuredClone(defaultSettings), trainingMode: true, demoAccounts: [], trainingApplicants: 0, proxyPasswordSet: false }
    kyc.answer('settings:get', () => view)
    kyc.answer('settings:update', () => view)
    kyc.answer('app:info', () => ({ version: '0', trainingMode: true, keyProtection: { secure: true, kind: 'env', warning: null } }) as never)
    const wrapper = mount(SettingsViewPage, { attachTo: document.body, global: { plugins: [pinia, createAppI18n('en'), ElementPlus] } })
    await flushPromises()
    await wrapper.get('[data-testid="verify-origin-add"]').trigger('click')
    await wrapper.get('input[data-testid="verify-origin"]').setValue('https://cdn.example.com')
    await wrapper.get('[data-testid="error-action-add"]').trigger('click')
    await wrapper.get('input[data-testid="error-action-code"]').setValue('401')
    await flushPromises()
    await wrapper.get('[data-testid="settings-save"]').trigger('click')
    await flushPromises()
    const sent = kyc.callsTo('settings:update').at(-1) as { platform?: Partial<Settings['platform']> } | undefined
    expect(sent?.platform?.verifyOrigins).toEqual(['https://cdn.example.com'])
    expect(sent?.platform?.errorActions).toEqual({ '401': 'call-it' })
  })
})
