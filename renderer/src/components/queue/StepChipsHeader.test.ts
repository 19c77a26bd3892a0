import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createAppI18n } from '../../i18n'
import { useApplicantsStore } from '../../stores/applicants'
import { fakeKyc, summary } from '../../test-support/fake-kyc'
import QueueTable from './QueueTable.vue'

/** The queue's steps header: words per group of chips, a legend reachable by focus and by hover. */
describe('the steps column header', () => {
  let pinia: ReturnType<typeof createPinia>

  beforeEach(() => {
    pinia = createPinia()
    setActivePinia(pinia)
    fakeKyc().answer('applicants:list', () => ({ total: 3, items: [0, 1, 2].map((i) => summary(i)) }))
  })
  afterEach(() => document.body.replaceChildren())

  async function mounted(locale: 'zh-CN' | 'en') {
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })
    await useApplicantsStore().reload()
    const wrapper = mount(QueueTable, { attachTo: document.body, global: { plugins: [pinia, createAppI18n(locale), ElementPlus, router] } })
    await flushPromises()
    return wrapper
  }
  const header = () => document.querySelector<HTMLElement>('[data-testid="steps-header"]')!
  const legend = (group: string) => document.querySelector<HTMLElement>(`[data-testid="steps-legend-${group}"]`)
  const visible = (el: HTMLElement | null) => el !== null && el.closest<HTMLElement>('.el-popper')?.style.display !== 'none'

  it('words each group of steps instead of single-letter codes, with no title-only legend', async () => {
    await mounted('zh-CN')
    const labels = [...header().querySelectorAll<HTMLElement>('[data-group]')]
    expect(labels.map((l) => l.textContent?.trim())).toEqual(['上传', '提交', '核验'])
    expect(header().closest('[role="columnheader"]')?.getAttribute('aria-label')).toBe('步骤')
    expect(header().closest('[role="columnheader"]')?.hasAttribute('title')).toBe(false)
    expect(header().querySelectorAll('[title]')).toHaveLength(0)
  })

  it('makes every group word focusable and describes it with the names of its steps', async () => {
    await mounted('zh-CN')
    for (const label of header().querySelectorAll<HTMLElement>('[data-group]')) {
      expect(label.tabIndex).toBe(0)
      const described = document.getElementById(label.getAttribute('aria-describedby') ?? '')
      expect(described, label.textContent ?? '').not.toBeNull()
    }
    const upload = header().querySelector<HTMLElement>('[data-group="upload"]')!
    expect(document.getElementById(upload.getAttribute('aria-describedby')!)?.textContent).toBe(
      '上传：依次为获取上传凭证（STS）、上传证件正面、上传证件反面、上传手持证件照',
    )
  })

  it('shows the legend on keyboard focus and hides it on blur', async () => {
    await mounted('en')
    const submit = header().querySelector<HTMLElement>('[data-group="submit"]')!
    expect(visible(legend('submit'))).toBe(false)
    submit.focus()
    await flushPromises()
    expect(document.activeElement).toBe(submit)
    expect(visible(legend('submit'))).toBe(true)
    expect(legend('submit')?.textContent).toContain('Send identity (step 1)')
    expect(legend('submit')?.textContent).toContain('Send hand-held image (step 4)')
    submit.blur()
    await flushPromises()
    expect(visible(legend('submit'))).toBe(false)
  })

  it('shows the legend on hover, where waiting for the face check reads as a wait', async () => {
    await mounted('zh-CN')
    const check = header().querySelector<HTMLElement>('[data-group="check"]')!
    check.dispatchEvent(new MouseEvent('mouseenter'))
    await nextTick()
    await flushPromises()
    expect(visible(legend('check'))).toBe(true)
    const awaiting = legend('check')?.querySelector('[data-state="awaiting-customer"]')
    expect(awaiting?.textContent?.trim()).toBe('等待客户完成人脸核验')
    expect(legend('check')?.textContent).toContain('核对平台记录')
    expect(legend('check')?.textContent).toContain('真人核验')
  })
})
