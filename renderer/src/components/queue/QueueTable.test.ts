import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '../../i18n'
import { useApplicantsStore } from '../../stores/applicants'
import { fakeKyc, summary } from '../../test-support/fake-kyc'
import QueueTable from './QueueTable.vue'

const TOTAL = 2_000

describe('QueueTable', () => {
  let updates = 0
  let pinia: ReturnType<typeof createPinia>

  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    const kyc = fakeKyc()
    kyc.answer('applicants:list', ({ offset = 0, limit = 200 }) => ({
      total: TOTAL,
      items: Array.from({ length: Math.max(0, Math.min(limit, TOTAL - offset)) }, (_, i) => summary(offset + i)),
    }))
    updates = 0
  })
  afterEach(() => document.body.replaceChildren())

  async function mounted() {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
    const store = useApplicantsStore()
    await store.reload()
    const wrapper = mount(QueueTable, {
      attachTo: document.body,
      global: {
        plugins: [pinia, createAppI18n('en'), ElementPlus, router],
        // Counts every component re-render in the table, rows and chips included.
        mixins: [{ updated: () => void (updates += 1) }],
      },
    })
    await nextTick()
    await nextTick()
    return { wrapper, store }
  }

  it('renders only the rows in view out of thousands', async () => {
    const { wrapper } = await mounted()
    const rows = wrapper.findAll('[data-testid="queue-row"]')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(60)
    expect(rows[0]?.attributes('data-id')).toBe(summary(0).id)
  })

  it('re-renders only the changed row when a batch of step events arrives', async () => {
    const { wrapper, store } = await mounted()
    updates = 0
    store.applyChanges([
      { applicantId: summary(3).id, step: 'sts', state: 'done', attempts: 1, nextAttemptAt: null, updatedAt: 9_000, error: null, status: 'syncing' },
      // An applicant far below the view changes too; nothing on screen re-renders for it.
      { applicantId: summary(400).id, step: 'sts', state: 'running', attempts: 1, nextAttemptAt: null, updatedAt: 9_000, error: null, status: 'syncing' },
    ])
    await nextTick()
    const row = wrapper.find(`[data-id="${summary(3).id}"]`)
    expect(row.attributes('data-status')).toBe('syncing')
    expect(row.find('[data-step="sts"]').attributes('data-state')).toBe('done')
    // That row, its chips and badge and their two changed icons: a handful of components,
    // where re-rendering the list would update every visible row (dozens, each with a dozen).
    expect(updates).toBeGreaterThan(0)
    expect(updates).toBeLessThanOrEqual(6)
    expect(wrapper.findAll('[data-testid="queue-row"]').length * 12).toBeGreaterThan(100)
  })
})
