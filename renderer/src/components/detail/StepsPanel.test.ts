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
})
