import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../../shared/domain/settings'
import { createAppI18n } from '../../i18n'
import { fakeKyc } from '../../test-support/fake-kyc'
import IdCardReaderSettings from './IdCardReaderSettings.vue'

describe('the ID card reader test in settings', () => {
  it('says why it failed in Chinese, never the core\'s English message', async () => {
    const kyc = fakeKyc()
    kyc.answer('reader:status', () => {
      throw { code: 'UNAVAILABLE', message: 'the reader service did not answer within 2 s' }
    })
    const wrapper = mount(IdCardReaderSettings, {
      props: { model: structuredClone(defaultSettings), errors: {}, serverErrors: {} },
      global: { plugins: [createPinia(), createAppI18n('zh-CN'), ElementPlus] },
    })
    await wrapper.get('[data-testid="reader-test"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="reader-test-error"]').text()).toBe('暂时不可用。')
  })
})
