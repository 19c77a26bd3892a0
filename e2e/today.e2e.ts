import { join } from 'node:path'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

const screenshots = join(import.meta.dirname, '../docs/screenshots')

test('Today at a glance: idle before anything happens, then the day\'s counts as applicants sync', async ({ app }) => {
  test.setTimeout(120_000)
  const { page, core } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  await app.open('/queue')
  await page.getByTestId('nav-today').click()
  await expect(page).toHaveURL(/#\/today$/)
  await expect(page.getByTestId('today-idle')).toContainText('今天还没有采集或提交的申请人')
  await expect(page.getByTestId('today-chart')).toHaveCount(0)

  // One customer syncs through; another's account QR has expired and the platform refuses it.
  const good = await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 51)
  const stale = await seedApplicant(core, { uid: (await sandboxAccount(app.sandbox.admin)).uid, token: 'stale-token-000000' }, 52)
  await expect.poll(() => core.store.applicants.summary(good)?.status, { timeout: 30_000 }).toBe('submitted')
  await expect.poll(() => core.store.applicants.summary(stale)?.status, { timeout: 30_000 }).toBe('needs-new-qr')

  // The open screen follows the step changes by itself (throttled), without a click on Refresh.
  await expect(page.getByTestId('today-submitted')).toContainText('1', { timeout: 20_000 })
  await expect(page.getByTestId('today-captured')).toContainText('2')
  await expect(page.locator('[data-status="submitted"]')).toContainText('1')
  await expect(page.locator('[data-status="needs-new-qr"]')).toContainText('1')
  await expect(page.getByTestId('today-first-pass')).toContainText('100%')
  await expect(page.getByTestId('today-to-submitted')).toContainText(/秒/)
  await expect(page.getByTestId('today-refusals')).toContainText('代码 -1001')
  await expect(page.getByTestId('today-chart').locator('svg')).toBeVisible()

  // It fits the branch's common 1366×768 screen: no sideways scrolling, the chart inside the window.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  const chart = await page.getByTestId('today-chart').boundingBox()
  expect(chart && chart.y + chart.height).toBeLessThanOrEqual(768)
  await page.screenshot({ path: join(screenshots, 'today-1366.zh-CN.png') })

  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByTestId('today-first-pass')).toContainText('1 of 1 submitted without a refusal')
  await expect(page.getByTestId('today-refusals')).toContainText('code -1001')
  await page.screenshot({ path: join(screenshots, 'today-1366.en.png') })

  await page.keyboard.press('F1')
  await expect(page.getByTestId('help-view').getByRole('heading', { name: 'Today at a glance' })).toBeVisible()
})
