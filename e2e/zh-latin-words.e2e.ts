import type { Page } from '@playwright/test'
import { expect, test } from './harness/app-fixture'
import { demoImages, sandboxAccount, seedApplicant } from './harness/seed'

/**
 * Every screen and state reachable here, in zh-CN, with no Latin word outside a short list:
 * acronyms the operator uses as they are, the product's name, file formats, and values someone
 * typed (the operator's name). Tokens with digits, slashes, dots or colons are codes, paths,
 * references or addresses, and are values, not words.
 */
const allowed = new Set([
  'uid', 'UID', 'OSS', 'STS', 'MRZ', 'PIN', 'CSV', 'URL', 'KYC', 'kyc', 'desk', 'ID', 'QR', 'IT', 'IANA',
  'JSONL', 'JSON', 'JPEG', 'PNG', 'WebP', 'TIFF', 'PDF', 'HEIC', 'iPhone', 'Excel', 'https', 'http', 'dpi', 'MB', 'ms',
  // The demo operator's typed name (培训员 Lin), and the language switch's choice in its own language.
  'Lin', 'English',
  // Key names as printed on the keyboard, and ISO country codes (CHN).
  'Ctrl', 'Shift', 'Alt', 'Enter', 'CHN',
  // Certificate terms IT reads as they are, on the admin's network settings.
  'CA', 'PEM', 'TLS',
])

async function latinWords(page: Page): Promise<string[]> {
  await page.waitForTimeout(300)
  // A command to type (in <pre> or <code>) is a code, not words, and the English half of the
  // customer's bilingual papers (marked lang="en") is meant to be English: hidden while the text is read.
  const text = await page.locator('body').evaluate((body: HTMLElement) => {
    const commands = [...body.querySelectorAll<HTMLElement>('pre, code, [lang="en"]')]
    const before = commands.map((c) => c.style.display)
    for (const c of commands) c.style.display = 'none'
    const shown = body.innerText
    commands.forEach((c, i) => (c.style.display = before[i] ?? ''))
    return shown
  })
  const words = text
    .split(/[\s，。；：、（）()“”’,;!?？！|·×—–=＝]+/)
    .filter((token) => !/[0-9./:@_{}<>#"\\-]/.test(token))
    .flatMap((token) => token.match(/[A-Za-z]{2,}/g) ?? [])
  return [...new Set(words.filter((w) => !allowed.has(w)))]
}

/** Every screen's leaks, reported together at the end so one run names them all. */
const leaks: Record<string, string[]> = {}

async function expectChinese(page: Page, screen: string): Promise<void> {
  const found = await latinWords(page)
  if (found.length > 0) leaks[screen] = found
}

test.afterEach(() => {
  expect(leaks).toEqual({})
  for (const key of Object.keys(leaks)) delete leaks[key]
})

test('every screen speaks Chinese: queue, detail, capture, import, settings, diagnostics, operators', async ({ app }) => {
  test.setTimeout(180_000)
  const { page, core } = app
  core.settings.update({ sync: { retryBaseMs: 200, retryCapMs: 2_000 } })
  const ids: string[] = []
  for (let i = 0; i < 2; i += 1) ids.push(await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 20 + i))
  const refused = await seedApplicant(core, { ...(await sandboxAccount(app.sandbox.admin)), token: 'stale-token-000000' }, 30)
  await core.store.applicants.create({ images: { front: (await demoImages()).front }, operatorId: null, consent: null })
  const [waiting] = ids
  if (!waiting) throw new Error('seeding failed')
  await expect.poll(() => core.store.applicants.summary(waiting)?.status, { timeout: 30_000 }).toBe('submitted')
  await expect.poll(() => core.store.applicants.summary(refused)?.status, { timeout: 30_000 }).toBe('needs-new-qr')

  await app.open('/queue')
  await expect(page.getByTestId('queue-row')).toHaveCount(4)
  await expectChinese(page, 'queue')
  await page.locator(`[data-testid="queue-row"][data-id="${refused}"] [data-step="sts"]`).hover()
  await expect(page.getByTestId('chip-tooltip')).toBeVisible()
  await expectChinese(page, 'queue tooltip')
  await page.getByTestId('export-report').click()
  await expectChinese(page, 'export dialog')
  await page.keyboard.press('Escape')

  await app.open(`/applicants/${waiting}`)
  await page.getByTestId('liveness-start').click()
  await expect(page.getByTestId('liveness-qr')).toBeVisible()
  await expectChinese(page, 'detail, face check pending')
  await app.open(`/applicants/${waiting}/receipt`)
  await expect(page.getByTestId('paper-qr')).toBeVisible()
  await expectChinese(page, 'receipt, face check pending')
  await app.open(`/applicants/${waiting}/consent`)
  await expect(page.getByTestId('consent-sheet')).toBeVisible()
  await expectChinese(page, 'consent form')
  await app.open(`/applicants/${refused}`)
  await expect(page.getByTestId('detail-last-error')).toBeVisible()
  await expectChinese(page, 'detail, refused')

  await app.open('/capture')
  await expect(page.getByTestId('queue-bar')).toBeVisible()
  await expectChinese(page, 'capture')

  for (const route of ['/import', '/settings', '/diagnostics', '/operators', '/system', '/pin']) {
    await app.open(route)
    await page.waitForLoadState('networkidle')
    await expectChinese(page, route)
  }
})

test.describe('before anyone is signed in', () => {
  test.use({ signIn: false })

  test('the first-run and sign-in screens speak Chinese, a wrong PIN included', async ({ app }) => {
    await app.open('/system')
    const { page } = app
    await expect(page.getByTestId('first-run')).toBeVisible()
    await expectChinese(page, 'first run')
    await page.locator('#first-run-name').fill('培训员')
    await page.locator('#first-run-pin').fill('246810')
    await page.locator('#first-run-pin-again').fill('246810')
    await page.locator('#first-run-pin-again').press('Enter')
    await expect(page.getByTestId('app-version')).toBeVisible()
    await page.getByTestId('signed-in-operator').getByRole('button').click()
    await expect(page.getByTestId('sign-in')).toBeVisible()
    await page.locator('#sign-in-pin').fill('999999')
    await page.locator('#sign-in-pin').press('Enter')
    await expect(page.getByTestId('ipc-error')).toBeVisible()
    await expectChinese(page, 'sign-in, wrong PIN')
  })
})
