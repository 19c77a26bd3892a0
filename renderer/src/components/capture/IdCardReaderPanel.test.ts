import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { ChipCard } from '../../../../shared/domain/id-card'
import { proposeNameSplit } from '../../../../shared/identity/chip-name-split'
import { createAppI18n } from '../../i18n'
import { useCaptureStore } from '../../stores/capture'
import { useChipReadStore } from '../../stores/chip-read'
import { fakeKyc } from '../../test-support/fake-kyc'
import IdCardReaderPanel from './IdCardReaderPanel.vue'

describe('the capture screen\'s ID card reader', () => {
  it('says why the reader cannot be reached in Chinese, never the core\'s English message', async () => {
    const kyc = fakeKyc()
    kyc.answer('reader:status', () => {
      throw { code: 'UNAVAILABLE', message: 'the reader service did not answer within 2 s' }
    })
    const wrapper = mount(IdCardReaderPanel, { global: { plugins: [createPinia(), createAppI18n('zh-CN'), ElementPlus] } })
    await flushPromises()
    expect(wrapper.get('[data-testid="reader-error"]').text()).toBe('暂时不可用。')
    wrapper.unmount()
  })
  it('shows a long-term card\'s validity in the operator\'s language', async () => {
    // No reader answers: the chip read already in the draft is what is shown.
    fakeKyc()
    const pinia = createPinia()
    const card: ChipCard = {
      kind: 'resident', nameZh: '王建国', nameEn: null, sexCode: '1', ethnicityCode: '01', ethnicityName: '汉', nationality: null,
      birth: '19500101', number: '110101195001010013', address: '北京市东城区样本街道1号', authority: '北京市公安局东城分局',
      validFrom: '20150310', validTo: 'long-term', passNumber: null, issueCount: null,
    }
    const wrapper = mount(IdCardReaderPanel, { global: { plugins: [pinia, createAppI18n('en'), ElementPlus] } })
    const capture = useCaptureStore()
    capture.draftId = 'd1'
    capture.form.identity.validity = { kind: 'long-term' }
    await flushPromises()
    useChipReadStore().set({ draftId: 'd1', card, split: proposeNameSplit('王建国'), photoDataUrl: null })
    await flushPromises()
    expect(wrapper.get('[data-testid="chip-field-validity"]').text()).toBe('long-term')
    wrapper.unmount()
  })
})
