import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { SettingsView } from '../../../../shared/contract'
import { defaultSettings } from '../../../../shared/domain/settings'
import { createAppI18n } from '../../i18n'
import TrainingPanel from './TrainingPanel.vue'

describe('the training panel', () => {
  it('lists the demo accounts with the Chinese list separator', () => {
    const view: SettingsView = {
      settings: structuredClone(defaultSettings),
      trainingMode: true,
      demoAccounts: [
        { index: 0, uidMasked: '10••••01' },
        { index: 1, uidMasked: '10••••02' },
      ],
      trainingApplicants: 0,
      proxyPasswordSet: false,
    }
    const wrapper = mount(TrainingPanel, { props: { view }, global: { plugins: [createPinia(), createAppI18n('zh-CN'), ElementPlus] } })
    expect(wrapper.get('.accounts').text()).toBe('示例客户账号：10••••01、10••••02')
  })
})
