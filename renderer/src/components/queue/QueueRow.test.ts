import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { ApplicantSummary } from '../../../../shared/contract'
import type { StepError } from '../../../../shared/domain/steps'
import { createAppI18n } from '../../i18n'
import { summary } from '../../test-support/fake-kyc'
import QueueRow from './QueueRow.vue'

function rowFailedWith(error: StepError): ApplicantSummary {
  const base = summary(1)
  return { ...base, status: 'needs-attention', lastError: error, steps: base.steps.map((s, i) => (i === 0 ? { ...s, state: 'failed', lastError: error } : s)) }
}

function mountRow(row: ApplicantSummary, locale: 'en' | 'zh-CN' = 'en') {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
  return mount(QueueRow, { props: { row, index: 0, selected: false }, global: { plugins: [pinia, createAppI18n(locale), ElementPlus, router] } })
}

describe('the queue row’s last error as an action', () => {
  it('shows an expired customer token as needing a new account QR, linked to the applicant, in both languages', () => {
    const expired = { kind: 'refused', code: '-1001', message: '用户未登录或登录已失效，请重新登录' } as const
    const en = mountRow(rowFailedWith(expired)).get('[data-testid="row-action"]')
    expect(en.attributes('data-action')).toBe('rebind')
    expect(en.text()).toContain('Needs a new account QR')
    expect(mountRow(rowFailedWith(expired), 'zh-CN').get('[data-testid="row-action"]').text()).toContain('需要客户的新账户二维码')
  })

  it('keeps the raw message for an error the table has no action for', () => {
    const wrapper = mountRow(rowFailedWith({ kind: 'refused', code: '-4242', message: 'Something only the platform knows' }))
    expect(wrapper.find('[data-testid="row-action"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="row-error"]').text()).toBe('Something only the platform knows')
  })
})

describe('the queue row’s error of ours', () => {
  it('is worded from its reason in the operator’s language, not shown as the core’s English message', () => {
    const base = summary(5)
    const waiting: StepError = { kind: 'transient', code: 'HTTP_503', message: 'the platform answered HTTP 503', reason: { key: 'stepError.platform.http', params: { status: 503 } } }
    const row: ApplicantSummary = { ...base, status: 'waiting-retry', lastError: waiting, steps: base.steps.map((s, i) => (i === 0 ? { ...s, lastError: waiting } : s)) }
    const zh = mountRow(row, 'zh-CN').get('[data-testid="row-error"]')
    expect(zh.text()).toBe('平台答复 HTTP 503，将自动重试')
    expect(zh.attributes('title')).toBe('平台答复 HTTP 503，将自动重试')
    expect(mountRow(row).get('[data-testid="row-error"]').text()).toBe('The platform answered HTTP 503; retrying automatically')
  })
})

describe('the queue row’s checkbox', () => {
  it('is named as one phrase in the operator’s language', () => {
    const row = summary(6)
    expect(mountRow(row, 'zh-CN').get('.qc-select [aria-label]').attributes('aria-label')).toBe(`选择 ${row.reference}`)
    expect(mountRow(row).get('.qc-select [aria-label]').attributes('aria-label')).toBe(`Select ${row.reference}`)
  })
})

describe('the queue row’s old account QR', () => {
  const hour = 60 * 60_000

  it('is flagged past the warning age while the applicant is not yet submitted, in both languages', () => {
    const row: ApplicantSummary = { ...summary(2), status: 'queued', bindingAt: Date.now() - 13 * hour }
    const flag = mountRow(row).get('[data-testid="row-old-binding"]')
    expect(flag.attributes('title')).toBe("Account QR scanned 13 hours ago (more than 12): the customer's login may have expired")
    expect(mountRow(row, 'zh-CN').get('[data-testid="row-old-binding"]').attributes('title')).toContain('账户二维码已扫描 13 小时')
  })

  it('is not flagged when young, once submitted, or when it is already known dead', () => {
    const young: ApplicantSummary = { ...summary(3), status: 'queued', bindingAt: Date.now() - 11 * hour }
    expect(mountRow(young).find('[data-testid="row-old-binding"]').exists()).toBe(false)
    for (const status of ['submitted', 'needs-new-qr'] as const) {
      const row: ApplicantSummary = { ...summary(4), status, bindingAt: Date.now() - 48 * hour }
      expect(mountRow(row).find('[data-testid="row-old-binding"]').exists()).toBe(false)
    }
  })
})
