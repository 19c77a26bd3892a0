import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

/**
 * The customer whose platform token expired comes back to the counter: their new account QR,
 * scanned at the capture screen, is offered to the applicant waiting for it, which syncs again.
 */
test.describe.configure({ timeout: 120_000 })

test('a new account QR scanned at capture re-binds the applicant waiting for it', async ({ app }) => {
  const { page, core } = app
  const account = await sandboxAccount(app.sandbox.admin)
  const waiting = await seedApplicant(core, { uid: account.uid, token: 'stale-token-000000' }, 21)
  await expect.poll(() => core.store.applicants.summary(waiting)?.status, { timeout: 30_000 }).toBe('needs-new-qr')
  const reference = core.store.applicants.summary(waiting)?.reference ?? ''

  await app.open('/capture')
  await page.locator('#cap-binding-scan').fill(`kyc://bind?uid=${account.uid}&token=${encodeURIComponent(account.token)}`)
  await page.locator('#cap-binding-scan').press('Enter')
  const offer = page.getByTestId('rebind-offer')
  await expect(offer).toContainText(reference)
  await expect(offer).toContainText('正在等待该客户的新账户二维码')
  await page.getByTestId('rebind-accept').click()

  // The draft held only the QR: it is gone, and the operator is told where the applicant went.
  await expect(page.getByTestId('rebind-done')).toContainText(reference)
  await expect(page.getByTestId('binding-bound')).toHaveCount(0)
  await expect.poll(() => core.store.applicants.list({ status: 'draft', limit: 10 }).items.length).toBe(0)
  await expect.poll(() => core.store.applicants.summary(waiting)?.status, { timeout: 30_000 }).toBe('submitted')
  const rebound = core.store.events.listForApplicant(waiting).filter((e) => e.type === 'rebound')
  expect(rebound.map((e) => e.details)).toEqual([expect.objectContaining({ source: 'capture' })])

  await page.getByTestId('rebind-open').click()
  await expect(page.getByTestId('applicant-detail')).toHaveAttribute('data-status', 'submitted')
})

test('a draft opened by its address leaves that address once the re-bind discarded it', async ({ app }) => {
  const { page, core } = app
  const account = await sandboxAccount(app.sandbox.admin)
  const waiting = await seedApplicant(core, { uid: account.uid, token: 'stale-token-000000' }, 22)
  await expect.poll(() => core.store.applicants.summary(waiting)?.status, { timeout: 30_000 }).toBe('needs-new-qr')
  const scan = `kyc://bind?uid=${account.uid}&token=${encodeURIComponent(account.token)}`

  await app.open('/capture')
  await page.locator('#cap-binding-scan').fill(scan)
  await page.locator('#cap-binding-scan').press('Enter')
  await expect(page.getByTestId('rebind-offer')).toBeVisible()
  await expect.poll(() => core.store.applicants.list({ status: 'draft', limit: 10 }).items.length).toBe(1)
  const draft = core.store.applicants.list({ status: 'draft', limit: 10 }).items[0]?.id ?? ''

  // Reopened from its address later: the operator scans the QR again into it, then re-binds.
  await app.open(`/capture/${draft}`)
  await expect(page.getByTestId('binding-bound')).toBeVisible()
  await page.getByTestId('binding-bound').getByRole('button').click()
  await page.locator('#cap-binding-scan').fill(scan)
  await page.locator('#cap-binding-scan').press('Enter')
  await page.getByTestId('rebind-accept').click()
  await expect(page.getByTestId('rebind-done')).toBeVisible()
  await expect(page).toHaveURL(/#\/capture$/)
  await expect.poll(() => core.store.applicants.summary(waiting)?.status, { timeout: 30_000 }).toBe('submitted')
})
