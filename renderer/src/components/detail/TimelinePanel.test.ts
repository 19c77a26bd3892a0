import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '../../../../shared/contract'
import { createAppI18n } from '../../i18n'
import TimelinePanel from './TimelinePanel.vue'

const event = (id: number, type: string, details: TimelineEvent['details']): TimelineEvent => ({ id, at: 1_700_000_000_000 + id, type, operatorName: null, details })

describe('the detail timeline in Chinese', () => {
  it('lists steps, fields and other values with 、 and labels them with ：', () => {
    const wrapper = mount(TimelinePanel, {
      props: {
        events: [
          event(1, 'edited', { fields: ['surname', 'givenName'], resetSteps: ['authnew:1', 'authnew:2'] }),
          event(2, 'exported', { format: 'csv', records: 3 }),
        ],
      },
      global: { plugins: [createPinia(), createAppI18n('zh-CN')] },
    })
    const details = wrapper.findAll('.details').map((d) => d.text())
    expect(details).toEqual(['格式：csv · 条数：3', '姓、名 · 步骤：提交身份信息（第 1 步）、提交正面照（第 2 步）'])
  })
})
