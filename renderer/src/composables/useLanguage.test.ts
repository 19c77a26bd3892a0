import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus, { ElMessageBox } from 'element-plus'
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { useI18n } from 'vue-i18n'
import { createAppI18n } from '../i18n'
import { provideElementLocale } from './useLanguage'

const Root = defineComponent({
  setup() {
    provideElementLocale()
    const { locale } = useI18n({ useScope: 'global' })
    return { locale }
  },
  template: '<div />',
})

// The last box's buttons: a closed one may still be fading out.
const buttons = () => [...document.querySelectorAll('.el-message-box__btns button')].map((b) => b.textContent?.trim()).slice(-2)

/** Element Plus's dialogs speak the language the operator switched to, not the first start's. */
describe('provideElementLocale', () => {
  afterEach(() => {
    ElMessageBox.close()
    document.body.replaceChildren()
  })

  it('words a confirm dialog opened after switching from Chinese to English in English', async () => {
    const wrapper = mount(Root, { attachTo: document.body, global: { plugins: [createAppI18n('zh-CN'), ElementPlus] } })
    void ElMessageBox.confirm('m', 't').catch(() => undefined)
    await flushPromises()
    expect(buttons()).toEqual(['取消', '确定'])
    ElMessageBox.close()
    await flushPromises()

    ;(wrapper.vm as unknown as { locale: string }).locale = 'en'
    await flushPromises()
    void ElMessageBox.confirm('m', 't').catch(() => undefined)
    await flushPromises()
    expect(buttons()).toEqual(['Cancel', 'OK'])
  })
})
