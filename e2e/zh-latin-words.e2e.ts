import type { Page } from '@playwright/test'
import { expect, test } from './harness/app-fixture'
import { demoImages, sandboxAccount, seedApplicant } from './harness/seed'

/**
 * Every screen and state reachable here, in zh-CN, with no Latin word outside a short list:
 * acronyms the operator uses as they are, the product's name, file formats, and values someone
 * typed (the operator's name). Tokens with digits, slashes, dots or colons are codes, paths,
 * references or addresses, and masked ones (••••xuOR) are a customer's value: none are words.
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
    .filter((token) => !/[0-9./:@_{}<>#"\\•-]/.test(token))
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
  await page.locator('[data-group="upload"]').focus()
  await expect(page.getByTestId('steps-legend-upload')).toBeVisible()
  await expectChinese(page, 'steps legend')
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

  await app.open('/today')
  await expect(page.getByTestId('today-refusals')).toBeVisible()
  await expectChinese(page, 'today')

  for (const route of ['/import', '/settings', '/diagnostics', '/operators', '/system', '/pin']) {
    await app.open(route)
    await page.waitForLoadState('networkidle')
    await expectChinese(page, route)
  }
})

test('the connection test, a capture refusal and the confirm dialogs speak Chinese', async ({ app }) => {
  test.setTimeout(180_000)
  const { page, core } = app
  await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 41)

  // The connection test in training mode: credentials from a demo account, then OSS under them.
  await app.open('/settings')
  const connection = page.getByTestId('connection-test')
  await page.getByTestId('run-connection-test').click()
  await expect(page.getByTestId('test-platform')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('test-oss')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('test-platform').getByTestId('test-finding')).toContainText('有效期至')
  await expectChinese(page, 'connection test, passed')
  // A customer account the platform does not know: refused, in words.
  await connection.locator('input').first().fill(JSON.stringify({ uid: '123456789', token: 'not-a-token' }))
  await page.getByTestId('run-connection-test').click()
  await expect(page.getByTestId('test-platform')).toHaveAttribute('data-ok', 'false')
  await expect(page.getByTestId('test-platform').getByTestId('test-finding')).toHaveAttribute('data-finding', 'sts-refused')
  await expectChinese(page, 'connection test, refused')

  // Removing the training applicants asks first.
  await page.getByTestId('remove-training-applicants').click()
  await expect(page.locator('.el-message-box')).toBeVisible()
  await expectChinese(page, 'remove training applicants, confirm')
  await page.locator('.el-message-box').getByRole('button', { name: '取消' }).click()
  await expect(page.locator('.el-message-box')).toBeHidden()

  // At the counter: an ID number whose check digit is wrong, and no images: queueing is refused.
  await app.open('/capture')
  await page.getByTestId('demo-customers').click()
  await page.getByRole('option').first().click()
  await page.locator('#cap-surname').fill('张')
  await page.locator('#cap-given-name').fill('伟')
  await page.locator('#cap-document-number').fill('110105194912310021')
  await page.locator('#cap-issue-date').fill('2015-03-01')
  await page.locator('[data-field="validity"]').getByText('长期有效').click()
  await expect(page.locator('[data-field="documentNumber"] [data-testid="field-issue"]')).toBeVisible()
  await page.getByTestId('consent').click()
  await page.getByTestId('queue').click()
  await expect(page.getByTestId('queue-refused')).toBeVisible()
  await expectChinese(page, 'capture, queueing refused')

  // Leaving training for a live platform (the sandbox, at its own address) asks first.
  await app.open('/settings')
  await page.getByTestId('setting-baseUrl').fill(app.sandbox.api)
  await page.getByTestId('setting-ossEndpoint').fill(app.sandbox.oss)
  await page.locator('[data-path="oss.addressing"]').getByText('路径', { exact: true }).click()
  await connection.locator('input').first().fill(JSON.stringify(await sandboxAccount(app.sandbox.admin)))
  await page.getByTestId('run-connection-test').click()
  await expect(page.getByTestId('test-oss')).toHaveAttribute('data-ok', 'true')
  await expect(page.getByTestId('leave-training-button')).toBeEnabled()
  await page.getByTestId('leave-training-button').click()
  await expect(page.locator('.el-message-box')).toBeVisible()
  await expectChinese(page, 'leave training, confirm')
  await page.locator('.el-message-box').getByRole('button', { name: '取消' }).click()
  await expect(page.locator('.el-message-box')).toBeHidden()

  // A live platform with applicants still waiting, moved to another address: the question.
  core.settings.update({ platform: { baseUrl: 'https://kyc-a.bank.example' }, oss: { region: 'oss-cn-hangzhou' } })
  await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 42)
  await app.open('/settings')
  await page.getByTestId('setting-baseUrl').fill('https://kyc-b.bank.example')
  await page.getByTestId('settings-save').click()
  await expect(page.locator('.el-message-box')).toBeVisible()
  await expectChinese(page, 'platform switch, question')
  await page.keyboard.press('Escape')
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
