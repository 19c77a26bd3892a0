import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '../../i18n'
import { useCaptureStore } from '../../stores/capture'
import { fakeKyc } from '../../test-support/fake-kyc'
import QueueBar from './QueueBar.vue'

afterEach(() => document.body.replaceChildren())

describe('QueueBar: a duplicate in the queue', () => {
  it('links to the other applicant and queues anyway only with a reason', async () => {
    const pinia = createPinia()
    setActivePinia(pinia)
    fakeKyc()
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
    const store = useCaptureStore()
    store.queueError = {
      code: 'CONFLICT',
      message: 'Applicant 20261205-0001 is bound to the same platform account',
      issues: [{ field: 'binding', code: 'duplicate.uid', severity: 'warning', message: 'Applicant 20261205-0001 is bound to the same platform account' }],
      reason: { key: 'capture.duplicate.uid', params: { reference: '20261205-0001', applicantId: 'a-first', count: 1 } },
    }
    const wrapper = mount(QueueBar, { attachTo: document.body, global: { plugins: [pinia, createAppI18n('en'), ElementPlus, router] } })
    expect(wrapper.get('[data-testid="duplicate-link"]').attributes('href')).toBe('/applicants/a-first')
    expect(wrapper.get('[data-testid="duplicate-link"]').text()).toBe('Open applicant 20261205-0001')
    // An issue without a reason is the form's to show: no empty bullet here.
    expect(wrapper.findAll('[data-testid="queue-duplicate"] li').map((li) => li.text())).toEqual([])
    const goOn = wrapper.get('[data-testid="duplicate-go-on"]')
    expect(goOn.attributes('disabled')).toBeDefined()
    await wrapper.get('input[data-testid="duplicate-reason"]').setValue('  the first was a typing mistake ')
    await goOn.trigger('click')
    expect(wrapper.emitted('queue')).toEqual([[false, 'the first was a typing mistake']])
  })
})
