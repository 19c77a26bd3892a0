import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { SyncState } from '../../../../shared/contract'
import { applicantStatuses, type ApplicantStatus } from '../../../../shared/domain/status'
import { createAppI18n } from '../../i18n'
import { useSyncStore } from '../../stores/sync'
import { fakeKyc } from '../../test-support/fake-kyc'
import NewQrNotice from './NewQrNotice.vue'
import OldBindingsNotice from './OldBindingsNotice.vue'

function syncState(counts: Partial<Record<ApplicantStatus, number>>): SyncState {
  const zero = Object.fromEntries(applicantStatuses.map((s) => [s, 0])) as SyncState['counts']
  return { running: true, paused: false, diskFull: false, online: true, inFlight: 0, queued: 0, lastError: null, counts: { ...zero, ...counts }, today: { done: 0, left: 0 } }
}

function setup(language: 'en' | 'zh-CN', counts: Partial<Record<ApplicantStatus, number>>, old = 0) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const kyc = fakeKyc()
  kyc.answer('applicants:old-bindings', () => ({ count: old, warnAfterHours: 12 }))
  useSyncStore().state = syncState(counts)
  const plugins = [pinia, createAppI18n(language), ElementPlus]
  return { kyc, plugins }
}

describe('the queue notice of applicants waiting for a new account QR', () => {
  it('says how many are in the status, in both languages, and offers the filter', async () => {
    const { plugins } = setup('en', { 'needs-new-qr': 3, 'needs-attention': 5 })
    const wrapper = mount(NewQrNotice, { global: { plugins } })
    expect(wrapper.get('[data-testid="new-qr-notice"]').text()).toContain("3 applicants need the customer's new account QR")
    await wrapper.get('[data-testid="new-qr-show"]').trigger('click')
    expect(wrapper.emitted('show')).toHaveLength(1)
    const zh = mount(NewQrNotice, { global: { plugins: setup('zh-CN', { 'needs-new-qr': 2 }).plugins } })
    expect(zh.get('[data-testid="new-qr-notice"]').text()).toContain('2 位申请人需要客户的新账户二维码')
  })

  it('is absent when none wait (needs-attention alone is another matter)', () => {
    const { plugins } = setup('en', { 'needs-attention': 4 })
    expect(mount(NewQrNotice, { global: { plugins } }).find('[data-testid="new-qr-notice"]').exists()).toBe(false)
  })
})

describe('the queue notice of old account QRs', () => {
  it('counts them with the configured age, and asks again when the counts move', async () => {
    const { kyc, plugins } = setup('en', { queued: 2 }, 2)
    const wrapper = mount(OldBindingsNotice, { global: { plugins } })
    await flushPromises()
    expect(wrapper.get('[data-testid="old-bindings-notice"]').text()).toContain('2 applicants not yet submitted hold an account QR older than 12 hours')
    const asked = kyc.callsTo('applicants:old-bindings').length
    useSyncStore().state = syncState({ queued: 1, submitted: 1 })
    await flushPromises()
    expect(kyc.callsTo('applicants:old-bindings').length).toBe(asked + 1)
  })

  it('is absent when none are old', async () => {
    const { plugins } = setup('en', { queued: 2 }, 0)
    const wrapper = mount(OldBindingsNotice, { global: { plugins } })
    await flushPromises()
    expect(wrapper.find('[data-testid="old-bindings-notice"]').exists()).toBe(false)
  })
})
