import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { fakeKyc } from '../../test-support/fake-kyc'
import SessionGate from './SessionGate.vue'

afterEach(() => document.body.replaceChildren())

describe('finding 9: a core locked by unreadable settings says why at once', () => {
  it('shows the core\'s reason for IT, worded, when even the operator status is refused', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    const kyc = fakeKyc()
    const message = 'kyc-desk is locked: its stored settings cannot be read. IT: restore the data folder from a backup'
    kyc.answer('operators:status', () => Promise.reject({ code: 'UNAVAILABLE', message, reason: { key: 'settings.unreadable' } }))
    const wrapper = mount(SessionGate, {
      props: {},
      slots: { default: '<p data-testid="app">app</p>' },
      global: { plugins: [pinia, createAppI18n('en'), ElementPlus] },
    })
    await flushPromises()
    expect(wrapper.find('[data-testid="ipc-error"]').attributes('data-code')).toBe('UNAVAILABLE')
    expect(wrapper.text()).toContain('IT: restore the data folder')
    expect(wrapper.find('[data-testid="app"]').exists()).toBe(false)
  })
})
