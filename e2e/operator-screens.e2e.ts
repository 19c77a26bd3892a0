import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from './harness/app-fixture'
import { demoImages, sandboxAccount, seedApplicant } from './harness/seed'

/**
 * Screenshots of the queue, detail, sync bar, settings and diagnostics screens in Chinese and
 * English, over a realistic mix of applicants, for the README and for review.
 */
const out = join(import.meta.dirname, '../docs/screenshots')

async function shot(page: Page, name: string, lang: string, fullPage = false): Promise<void> {
  await page.mouse.move(2, 2)
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(out, `${name}.${lang}.png`), fullPage })
}

test('screens in both languages', async ({ app }) => {
  test.setTimeout(180_000)
  mkdirSync(out, { recursive: true })
  const { page, core } = app
  core.settings.update({ sync: { retryBaseMs: 200, retryCapMs: 2_000 } })

  const ids: string[] = []
  for (let i = 0; i < 4; i += 1) ids.push(await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 20 + i))
  const refusedAccount = await sandboxAccount(app.sandbox.admin)
  const refused = await seedApplicant(core, { ...refusedAccount, token: 'stale-token-000000' }, 30)
  const images = await demoImages()
  await core.store.applicants.create({ images: { front: images.front }, operatorId: null, consent: null })
  const [verified, waiting] = ids
  if (!verified || !waiting) throw new Error('seeding failed')
  await expect.poll(() => core.store.applicants.summary(waiting)?.status, { timeout: 30_000 }).toBe('submitted')
  await expect.poll(() => core.store.applicants.summary(refused)?.status, { timeout: 30_000 }).toBe('needs-new-qr')

  // One customer has passed the real-person check; another is doing it now.
  await app.open(`/applicants/${verified}`)
  await expect(page.getByTestId('applicant-detail')).toHaveAttribute('data-status', 'submitted')
  await page.getByTestId('liveness-start').click()
  await page.getByTestId('liveness-open-window').click()
  await expect.poll(() => app.verifyPages.length).toBe(1)
  await app.verifyPages[0]?.locator('#pass').click()
  // Ask now rather than at the next poll; the engine's own poll may have got there first.
  await page.getByTestId('liveness-check').click({ timeout: 3_000 }).catch(() => undefined)
  await expect(page.getByTestId('applicant-detail')).toHaveAttribute('data-status', 'verified')
  await app.verifyPages[0]?.close()
  await app.open(`/applicants/${waiting}`)
  await page.getByTestId('liveness-start').click()
  await expect(page.getByTestId('liveness-qr')).toBeVisible()

  for (const lang of ['zh-CN', 'en'] as const) {
    await app.open('/queue')
    await page.getByTestId('language-switch').getByText(lang === 'en' ? 'English' : '中文').click()
    await expect(page.getByTestId('queue-row')).toHaveCount(6)
    await shot(page, 'queue', lang)
    await page.locator(`[data-testid="queue-row"][data-id="${refused}"] [data-step="sts"]`).hover()
    await expect(page.getByTestId('chip-tooltip')).toBeVisible()
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(out, `queue-tooltip.${lang}.png`) })
    await page.getByTestId('sync-bar').screenshot({ path: join(out, `syncbar.${lang}.png`) })

    await app.open(`/applicants/${waiting}`)
    await expect(page.getByTestId('liveness-qr')).toBeVisible()
    await page.getByTestId('fetch-platform-record').click()
    await expect(page.locator('[data-testid="platform-record"] tr[data-match="true"]')).toHaveCount(12)
    await shot(page, 'detail', lang, true)

    await app.open(`/applicants/${refused}`)
    await expect(page.getByTestId('detail-last-error')).toBeVisible()
    await shot(page, 'detail-refused', lang, true)

    await app.open('/settings')
    await page.getByTestId('run-connection-test').click()
    await expect(page.getByTestId('test-oss')).toBeVisible()
    await shot(page, 'settings', lang, true)
    await page.getByTestId('setting-baseUrl').fill('http://platform.example.com')
    await expect(page.getByTestId('settings-invalid')).toBeVisible()
    await page.getByTestId('setting-baseUrl').scrollIntoViewIfNeeded()
    await shot(page, 'settings-invalid', lang, true)

    await app.open('/diagnostics')
    await expect(page.getByTestId('diagnostics-calls')).toContainText('/user/getsts')
    await shot(page, 'diagnostics', lang, true)
  }
})
