import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import type { StepName, StepSnapshot } from '../../../../shared/domain/steps'
import { createAppI18n } from '../../i18n'
import StepsPanel from './StepsPanel.vue'

const step = (name: StepName, state: StepSnapshot['state']): StepSnapshot => ({ name, state, attempts: 1, updatedAt: 1_700_000_000_000, nextAttemptAt: null, lastError: null })

/** The detail view's steps read the face check the way the queue's chips do (one rule). */
describe('the detail steps table', () => {
  it('shows the customer at the face check as a wait from the moment the token is out', () => {
    const wrapper = mount(StepsPanel, {
      props: { steps: [step('reconcile', 'done'), step('liveness:token', 'done'), step('liveness:result', 'pending')] },
      global: { plugins: [createPinia(), createAppI18n('zh-CN')] },
    })
    const rows = wrapper.findAll('[data-testid="detail-steps"] tbody tr')
    expect(rows.at(-1)?.text()).toContain('等待客户')
    expect(rows.at(-1)?.text()).not.toContain('待处理')
  })

  it('words an error of ours in the operator’s language and shows the platform’s own message as it came', () => {
    const unreadable: StepSnapshot = {
      ...step('upload:front', 'failed'),
      lastError: { kind: 'invalid', code: 'IMAGE_UNREADABLE', message: 'The stored front image cannot be read; capture it again.', reason: { key: 'stepError.imageUnreadable.front' } },
    }
    const refused: StepSnapshot = { ...step('authnew:1', 'failed'), lastError: { kind: 'refused', code: '-3', message: '身份证号码格式错误' } }
    const wrapper = mount(StepsPanel, { props: { steps: [unreadable, refused] }, global: { plugins: [createPinia(), createAppI18n('zh-CN')] } })
    const text = wrapper.get('[data-testid="detail-steps"]').text()
    expect(text).toContain('无法读取已保存的证件正面：请重新采集')
    expect(text).not.toContain('cannot be read')
    expect(text).toContain('身份证号码格式错误')
  })
})
