import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '../../i18n'
import ImportProblems from './ImportProblems.vue'

describe('an import row duplicating an applicant in the queue', () => {
  it('names the other applicant and links to it', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)', component: { template: '<p />' } }] })
    const wrapper = mount(ImportProblems, {
      props: {
        problems: [
          {
            field: 'uid',
            code: 'duplicate.uid',
            severity: 'warning',
            message: { en: 'Applicant K7Q2 is bound to the same platform account', 'zh-CN': '申请 K7Q2 已绑定同一平台账户' },
            applicant: { id: '01HX', reference: 'K7Q2' },
          },
        ],
      },
      global: { plugins: [createAppI18n('en'), router] },
    })
    await router.isReady()
    const link = wrapper.get('[data-testid="import-duplicate-link"]')
    expect(link.text()).toBe('Open applicant K7Q2')
    expect(link.attributes('href')).toContain('/applicants/01HX')
    expect(wrapper.text()).toContain('bound to the same platform account')
  })
})
