import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { demoIdentity } from '../electron/core/environment/demo-applicants'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

/**
 * The operator's day on the screens this suite owns: applicants queued (capture and import have
 * their own suites), the dashboard's chips moving as they sync, a platform refusal fixed in the
 * detail view, the real-person check passed on the sandbox's verify page, the language switched,
 * and the line lost and back.
 */
test.describe.configure({ timeout: 180_000 })

const row = (page: Page, id: string) => page.locator(`[data-testid="queue-row"][data-id="${id}"]`)

test('a day at the counter: sync, refusal, fix, liveness, language, offline and back', async ({ app }) => {
  const { page, core } = app
  core.settings.update({ sync: { retryBaseMs: 200, retryCapMs: 2_000 } })

  // Morning: three customers are queued; one came with a stale platform token.
  const good = [await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 11), await seedApplicant(core, await sandboxAccount(app.sandbox.admin), 12)]
  const account = await sandboxAccount(app.sandbox.admin)
  const refused = await seedApplicant(core, { uid: account.uid, token: 'stale-token-000000' }, 13)
  await app.open('/queue')
  await expect(page.getByTestId('queue-row')).toHaveCount(3)

  // The chips move to done and the rows read "submitted".
  for (const id of good) {
    await expect(row(page, id)).toHaveAttribute('data-status', 'submitted')
    for (const step of ['sts', 'front', 'back', 'hand', 'authnew1', 'authnew2', 'authnew3', 'authnew4', 'reconcile']) {
      await expect(row(page, id).locator(`[data-step="${step}"]`)).toHaveAttribute('data-state', 'done')
    }
    await expect(row(page, id).locator('[data-step="liveness"]')).toHaveAttribute('data-state', 'not-requested')
  }

  // The refusal: needs a new account QR; the row names what to do, the sandbox's own message stays
  // on hover and in the detail view; a count of one.
  await expect(row(page, refused)).toHaveAttribute('data-status', 'needs-new-qr')
  await expect(row(page, refused).locator('[data-step="sts"]')).toHaveAttribute('data-state', 'failed')
  const message = core.store.applicants.summary(refused)?.lastError?.message ?? ''
  expect(message).not.toBe('')
  await expect(row(page, refused).getByTestId('row-error')).toHaveAttribute('title', message)
  await expect(row(page, refused).getByTestId('row-action')).toHaveAttribute('data-action', 'rebind')
  await expect(page.locator('[data-testid="status-counts"] [data-status="needs-new-qr"] [data-testid="count"]')).toHaveText('1')
  await page.locator('[data-testid="status-counts"] [data-status="needs-new-qr"]').click()
  await expect(page.getByTestId('queue-row')).toHaveCount(1)

  // Fixed in the detail view: the customer shows their QR again; the new binding retries at once.
  await row(page, refused).getByTestId('row-link').click()
  const detail = page.getByTestId('applicant-detail')
  await expect(detail).toHaveAttribute('data-status', 'needs-new-qr')
  await expect(page.getByTestId('detail-last-error')).toContainText(message)
  await expect(page.getByTestId('edit-documentNumber')).toHaveAttribute('placeholder', /^••••/)
  await page.getByTestId('binding-input').fill(JSON.stringify(account))
  await page.getByTestId('binding-replace').click()
  await expect(page.getByTestId('binding-current')).toContainText(account.uid.slice(-4))
  await expect(detail).toHaveAttribute('data-status', 'submitted')
  await expect(page.locator('[data-testid="timeline"] [data-type="rebound"]')).toBeVisible()

  // The platform's record beside what was sent.
  await page.getByTestId('fetch-platform-record').click()
  await expect(page.locator('[data-testid="platform-record"] tr[data-match="true"]')).toHaveCount(12)

  // The real-person check: a QR code, the counter window, pass on the sandbox's page, verified.
  await page.getByTestId('liveness-start').click()
  await expect(page.getByTestId('liveness-qr')).toBeVisible()
  await page.getByTestId('liveness-open-window').click()
  await expect.poll(() => app.verifyPages.length).toBe(1)
  const verify = app.verifyPages[0]
  if (!verify) throw new Error('no verify window')
  await verify.locator('#pass').click()
  await expect(verify.locator('body')).toContainText(/通过|pass/i)
  // Ask now rather than at the next poll; the engine's own poll may have got there first.
  await page.getByTestId('liveness-check').click({ timeout: 3_000 }).catch(() => undefined)
  await expect(detail).toHaveAttribute('data-status', 'verified')
  await expect(page.getByTestId('liveness-verified')).toBeVisible()
  await expect(page.getByTestId('identity-edit')).toContainText('已认证的申请人不能再修改')

  // English, at once, and kept with the operator for their next sign-in.
  await page.getByTestId('language-switch').getByText('English').click()
  await expect(page.getByTestId('identity-edit')).toContainText('A verified applicant cannot be edited')
  await expect.poll(() => core.store.operators.list().map((o) => o.language)).toEqual(['en'])
  await page.getByRole('link', { name: 'Back to queue' }).click()
  await expect(page.getByRole('heading', { name: 'Applicant queue' })).toBeVisible()
  await page.locator('[data-testid="status-counts"] [data-status="all"]').click()
  await expect(page.getByTestId('queue-row')).toHaveCount(3)
  await expect(page.getByTestId('sync-online')).toHaveText(/Platform online/)

  // The line goes down: a new customer waits, the bar says offline; the line comes back.
  const lateAccount = await sandboxAccount(app.sandbox.admin)
  await app.stopSandbox()
  const late = await seedApplicant(core, lateAccount, 14)
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'false')
  await expect(page.getByTestId('sync-online')).toContainText('Platform offline')
  await expect(row(page, late)).toHaveAttribute('data-status', /queued|syncing|waiting-retry/)
  await app.restartSandbox()
  await expect(page.getByTestId('sync-online')).toHaveAttribute('data-online', 'true', { timeout: 45_000 })
  await expect(row(page, late)).toHaveAttribute('data-status', 'submitted', { timeout: 45_000 })
  await expect(page.getByTestId('sync-progress')).toContainText('4 of 4 submitted')
})

test('diagnostics: the refusal with its path and code, and a redacted log export for IT', async ({ app }) => {
  const { page, core } = app
  const account = await sandboxAccount(app.sandbox.admin)
  const refused = await seedApplicant(core, { uid: account.uid, token: 'stale-token-000000' }, 40)
  await expect.poll(() => core.store.applicants.summary(refused)?.status).toBe('needs-new-qr')
  await app.open('/diagnostics')
  await expect(page.getByTestId('diagnostics-entries')).toContainText('sync.needs-attention')
  await expect(page.getByTestId('diagnostics-calls')).toContainText('/user/getsts')
  await expect(page.getByTestId('diagnostics-calls')).toContainText('-1001')
  await page.getByTestId('export-csv').click()
  await expect(page.locator('.export-done')).toBeVisible()
  const file = app.savedFiles.at(-1) ?? ''
  const csv = readFileSync(file, 'utf8')
  expect(csv.startsWith('time,level,event,details\r\n')).toBe(true)
  expect(csv).toContain('sync.needs-attention')
  expect(csv).toContain('platform.call')
  for (const secret of ['stale-token-000000', account.token, ...app.sandbox.users.map((u) => u.token)]) expect(csv).not.toContain(secret)
  expect(csv).not.toContain(demoIdentity(40).documentNumber)
  // The renderer never held the token either.
  expect(await page.content()).not.toContain(account.token)
})
