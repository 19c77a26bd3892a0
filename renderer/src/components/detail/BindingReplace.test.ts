import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import BindingReplace from './BindingReplace.vue'

describe('replacing the account QR in the detail view', () => {
  it('lists each problem of the scanned content as a sentence of its own, in Chinese punctuation', async () => {
    const wrapper = mount(BindingReplace, {
      props: { uidMasked: null, disabled: false, saving: false },
      global: { plugins: [createAppI18n('zh-CN'), ElementPlus] },
    })
    await wrapper.get('input').setValue('{"uid":"0","token":""}')
    const problem = wrapper.get('#binding-problem').text()
    expect(problem).toContain('；')
    expect(problem).not.toContain(';')
  })
})
