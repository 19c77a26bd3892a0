import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { useCaptureStore } from '../../stores/capture'
import { fakeKyc } from '../../test-support/fake-kyc'
import RebindOffer from './RebindOffer.vue'

const draftId = '0190aaaa-bbbb-cccc'
const waitingId = '0190dddd-eeee-ffff'
const scan = { kind: 'scan' as const, text: 'kyc://bind?uid=1234567890&token=abcdef' }
let kyc: ReturnType<typeof fakeKyc>

beforeEach(() => {
  setActivePinia(createPinia())
  kyc = fakeKyc()
  kyc.answer('capture:save', ({ id }) => ({ id: id ?? draftId, reference: '20260101-0009', updatedAt: 1 }))
  kyc.answer('capture:bind', () => ({ binding: { uid: '1234567890', maskedToken: '••••cdef' } }))
  kyc.answer('capture:waiting-for-qr', () => ({ items: [{ id: waitingId, reference: '20251230-0004', label: '王* ····1234' }] }))
  kyc.answer('capture:rebind', () => ({ status: 'queued', reference: '20251230-0004' }))
  kyc.answer('capture:discard', () => ({}))
  kyc.answer('applicants:list', () => ({ items: [], total: 0 }))
})

function mountOffer(language: 'en' | 'zh-CN' = 'en') {
  return mount(RebindOffer, { global: { plugins: [createAppI18n(language), ElementPlus], stubs: { RouterLink: RouterLinkStub } } })
}

describe('the capture screen offers the re-bind of an applicant waiting for this account QR', () => {
  it('asks the core after a bind and words the offer in both languages', async () => {
    const store = useCaptureStore()
    const wrapper = mountOffer()
    expect(wrapper.find('[data-testid="rebind-offer"]').exists()).toBe(false)
    await store.bind(scan)
    await flushPromises()
    expect(kyc.callsTo('capture:waiting-for-qr')).toEqual([{ draftId }])
    expect(wrapper.get('[data-testid="rebind-offer"]').text()).toContain(
      "Applicant 20251230-0004 is waiting for this customer's new account QR — re-bind it",
    )
    expect(mountOffer('zh-CN').get('[data-testid="rebind-offer"]').text()).toContain('申请人 20251230-0004 正在等待该客户的新账户二维码')
  })

  it('re-binds, discards the draft that held only the QR, and links to the re-queued applicant', async () => {
    const store = useCaptureStore()
    const wrapper = mountOffer()
    await store.bind(scan)
    await flushPromises()
    await wrapper.get('[data-testid="rebind-accept"]').trigger('click')
    await flushPromises()
    expect(kyc.callsTo('capture:rebind')).toEqual([{ draftId, applicantId: waitingId }])
    expect(kyc.callsTo('capture:discard')).toEqual([{ id: draftId }])
    // The draft list no longer offers the discarded draft.
    expect(kyc.callsTo('applicants:list')).toEqual([{ status: 'draft', limit: 50 }])
    expect(store.draftId).toBeNull()
    expect(store.binding).toBeNull()
    expect(wrapper.find('[data-testid="rebind-offer"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="rebind-done"]').text()).toContain('The new account QR was bound to applicant 20251230-0004; it is queued to sync again.')
    expect(wrapper.getComponent(RouterLinkStub).props('to')).toEqual({ name: 'applicant', params: { id: waitingId } })
  })

  it('keeps a draft that already holds typed data: the capture goes on with its own next QR', async () => {
    const store = useCaptureStore()
    store.form.identity.surname = '王'
    await store.bind(scan)
    await flushPromises()
    expect(await store.rebind(waitingId)).toBe(true)
    expect(kyc.callsTo('capture:discard')).toEqual([])
    expect(kyc.callsTo('applicants:list')).toEqual([])
    expect(store.draftId).toBe(draftId)
  })

  it('lets the operator decline and go on with a new capture, binding kept', async () => {
    const store = useCaptureStore()
    const wrapper = mountOffer()
    await store.bind(scan)
    await flushPromises()
    await wrapper.get('[data-testid="rebind-decline"]').trigger('click')
    expect(wrapper.find('[data-testid="rebind-offer"]').exists()).toBe(false)
    expect(kyc.callsTo('capture:rebind')).toEqual([])
    expect(store.binding).toEqual({ uid: '1234567890', maskedToken: '••••cdef' })
  })

  it('offers nothing when no applicant waits, and shows the core’s refusal of a re-bind', async () => {
    const store = useCaptureStore()
    const wrapper = mountOffer()
    kyc.answer('capture:waiting-for-qr', () => ({ items: [] }))
    await store.bind(scan)
    await flushPromises()
    expect(wrapper.find('[data-testid="rebind-offers"]').exists()).toBe(false)

    kyc.answer('capture:waiting-for-qr', () => ({ items: [{ id: waitingId, reference: '20251230-0004', label: null }] }))
    kyc.answer('capture:rebind', () => {
      throw { code: 'CONFLICT', message: 'This applicant is not waiting for a new account QR' }
    })
    await store.bind(scan)
    await flushPromises()
    await wrapper.get('[data-testid="rebind-accept"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="rebind-error"]').text()).toBe('That conflicts with the current state.')
    expect(wrapper.find('[data-testid="rebind-offer"]').exists()).toBe(true)
    expect(store.draftId).toBe(draftId)
  })
})
