import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import type { TodayGlance } from '../../../shared/contract'
import { applicantStatuses } from '../../../shared/domain/status'
import { createAppI18n } from '../i18n'
import { fakeKyc } from '../test-support/fake-kyc'
import TodayView from './TodayView.vue'

const MIN = 60_000
const zeroStatuses = Object.fromEntries(applicantStatuses.map((s) => [s, 0])) as TodayGlance['byStatus']
const hours = (entries: Record<number, number>) => Array.from({ length: 24 }, (_, h) => entries[h] ?? 0)

const idleDay: TodayGlance = {
  dayStart: Date.parse('2026-12-04T16:00:00Z'),
  dayEnd: Date.parse('2026-12-05T16:00:00Z'),
  timeZone: 'Asia/Shanghai',
  byStatus: zeroStatuses,
  captured: 0,
  submitted: 0,
  verified: 0,
  captureToSubmitted: null,
  captureToVerified: null,
  firstPass: 0,
  refusals: [],
  imageFindings: [],
  hourly: { captured: hours({}), submitted: hours({}) },
}

const busyDay: TodayGlance = {
  ...idleDay,
  byStatus: { ...zeroStatuses, draft: 1, submitted: 5, verified: 2, 'needs-attention': 1 },
  captured: 9,
  submitted: 8,
  verified: 2,
  captureToSubmitted: { count: 8, medianMs: 12 * MIN + 30_000, p90Ms: 95 * MIN },
  captureToVerified: { count: 2, medianMs: 40 * MIN, p90Ms: 52 * MIN },
  firstPass: 6,
  refusals: [
    { step: 'authnew:1', code: '-3001', count: 2 },
    { step: 'sts', code: '-1001', count: 1 },
  ],
  imageFindings: [{ code: 'blurred', count: 3 }, { code: 'glare', count: 1 }],
  hourly: { captured: hours({ 9: 4, 10: 5 }), submitted: hours({ 10: 6, 11: 2 }) },
}

let kyc: ReturnType<typeof fakeKyc>
let pinia: ReturnType<typeof createPinia>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  kyc = fakeKyc()
  kyc.answer('app:info', () => {
    throw { code: 'UNAVAILABLE', message: 'not needed here' }
  })
})
afterEach(() => {
  vi.useRealTimers()
  document.body.replaceChildren()
})

const settle = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve()
  await nextTick()
}

function mountScreen(locale: 'zh-CN' | 'en') {
  return mount(TodayView, { attachTo: document.body, global: { plugins: [pinia, createAppI18n(locale), ElementPlus] } })
}

describe('the Today screen', () => {
  it('shows an idle state, not empty charts, on a day with nothing', async () => {
    kyc.answer('reports:today', () => idleDay)
    const wrapper = mountScreen('zh-CN')
    await settle()
    expect(wrapper.get('[data-testid="today-idle"]').text()).toContain('今天还没有采集或提交的申请人')
    expect(wrapper.find('[data-testid="today-chart"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="today-by-status"]').exists()).toBe(false)
  })

  it('shows the counts, the durations, the first-pass rate, the reasons and the chart in English', async () => {
    kyc.answer('reports:today', () => busyDay)
    const wrapper = mountScreen('en')
    await settle()
    expect(wrapper.find('[data-testid="today-idle"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="today-captured"]').text()).toContain('9')
    expect(wrapper.get('[data-testid="today-submitted"]').text()).toContain('8')
    expect(wrapper.get('[data-testid="today-to-submitted"]').text()).toContain('12 min 30 s')
    expect(wrapper.get('[data-testid="today-to-submitted"]').text()).toContain('1 h 35 min')
    expect(wrapper.get('[data-testid="today-to-verified"]').text()).toContain('40 min 0 s')
    expect(wrapper.get('[data-testid="today-first-pass"]').text()).toContain('75%')
    expect(wrapper.get('[data-testid="today-first-pass"]').text()).toContain('6 of 8 submitted without a refusal')
    expect(wrapper.get('[data-status="submitted"]').text()).toBe('Submitted 5')
    expect(wrapper.get('[data-testid="today-refusals"]').text()).toContain('code -3001')
    expect(wrapper.get('[data-testid="today-refusals"]').text()).toContain('2 times')
    expect(wrapper.get('[data-testid="today-findings"]').text()).toMatch(/Blurred\s*3 times.*Glare\s*once/s)
    expect(wrapper.find('[data-testid="today-chart"]').exists()).toBe(true)
  })

  it('words the reasons in Chinese', async () => {
    kyc.answer('reports:today', () => busyDay)
    const wrapper = mountScreen('zh-CN')
    await settle()
    expect(wrapper.get('[data-testid="today-findings"]').text()).toContain('模糊')
    expect(wrapper.get('[data-testid="today-refusals"]').text()).toContain('提交身份信息（第 1 步）')
    // An expired account QR reads with what to do about it, from the error-action table.
    expect(wrapper.get('[data-testid="today-refusals"]').text()).toContain('代码 -1001 · 扫描新的账户二维码')
    expect(wrapper.get('[data-testid="today-first-pass"]').text()).toContain('6 / 8 人提交途中未被拒绝')
  })

  it('reloads once, a little later, however many step changes arrive', async () => {
    vi.useFakeTimers()
    kyc.answer('reports:today', () => idleDay)
    mountScreen('en')
    await settle()
    expect(kyc.callsTo('reports:today')).toHaveLength(1)
    kyc.answer('reports:today', () => busyDay)
    for (let i = 0; i < 20; i++) kyc.emit('steps:changed', { changes: [] })
    expect(kyc.callsTo('reports:today')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(5_000)
    expect(kyc.callsTo('reports:today')).toHaveLength(2)
  })
})
