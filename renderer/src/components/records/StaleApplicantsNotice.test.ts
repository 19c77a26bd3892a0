import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { describe, expect, it } from 'vitest'
import { createAppI18n } from '../../i18n'
import { fakeKyc, summary } from '../../test-support/fake-kyc'
import StaleApplicantsNotice from './StaleApplicantsNotice.vue'

async function shown(locale: 'zh-CN' | 'en', count: number) {
  const kyc = fakeKyc()
  const stale = Array.from({ length: count }, (_, i) => summary(i + 1, { reference: `K-00${i + 1}`, label: null, status: 'needs-attention' }))
  kyc.answer('retention:status', () => ({ stale, purgeVerifiedAfterDays: 30, flagStaleAfterDays: 7, purgeUnfinishedAfterDays: 90, lastRun: null }))
  const wrapper = mount(StaleApplicantsNotice, { global: { plugins: [createAppI18n(locale), ElementPlus], stubs: { RouterLink: { template: '<a><slot /></a>' } } } })
  await flushPromises()
  return wrapper
}

describe('the notice of applicants left unfinished', () => {
  it('names each applicant\'s status in the operator\'s words, not its code', async () => {
    const wrapper = await shown('zh-CN', 1)
    const item = wrapper.get('.stale li').text()
    expect(item).toMatch(/^K-001\s*（.+）$/)
    expect(item).not.toContain('needs-attention')
  })

  it('says "1 applicant" in English for one', async () => {
    expect((await shown('en', 1)).get('[data-testid="stale-notice"]').text()).toContain('1 applicant left unfinished')
    expect((await shown('en', 2)).get('[data-testid="stale-notice"]').text()).toContain('2 applicants left unfinished')
  })
})
