import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

const out = join(import.meta.dirname, '../docs/screenshots')
const langs = ['zh-CN', 'en'] as const

async function switchTo(page: Page, lang: (typeof langs)[number]): Promise<void> {
  await page.getByTestId('language-switch').getByText(lang === 'en' ? 'English' : '中文').click()
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
}

/** Nothing wider than the window: a branch screen must never need sideways scrolling. */
async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow, `${what} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0)
}

test('the main screens fit 1366×768 and 1920×1080 in both languages, with screenshots at 1366×768', async ({ app }) => {
  test.setTimeout(180_000)
  const { page, core } = app
  const refused = await seedApplicant(core, { uid: (await sandboxAccount(app.sandbox.admin)).uid, token: 'stale-token-000000' }, 41)
  await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 42)
  await expect.poll(() => core.store.applicants.summary(refused)?.status, { timeout: 30_000 }).toBe('needs-new-qr')

  const screens = [
    { name: 'queue', route: '/queue', ready: page.getByTestId('queue-row').first() },
    { name: 'capture', route: '/capture', ready: page.getByTestId('capture-view') },
    { name: 'detail', route: `/applicants/${refused}`, ready: page.getByTestId('applicant-detail') },
    { name: 'help', route: '/help', ready: page.getByTestId('help-view') },
  ] as const
  for (const size of [{ width: 1920, height: 1080 }, { width: 1366, height: 768 }]) {
    await page.setViewportSize(size)
    for (const lang of langs) {
      await app.open('/queue')
      await switchTo(page, lang)
      for (const screen of screens) {
        await app.open(screen.route)
        await expect(screen.ready).toBeVisible()
        await expectNoHorizontalScroll(page, `${screen.name} (${lang}, ${size.width}×${size.height})`)
        if (size.width === 1366) await page.screenshot({ path: join(out, `${screen.name}-1366.${lang}.png`) })
      }
    }
  }
})
