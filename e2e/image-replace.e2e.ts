import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { blurredJpeg, documentJpeg } from './harness/documents'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

test('an image of a refused applicant is checked, replaced from the detail view and submitted again', async ({ app }) => {
  const { page, core } = app
  const files = mkdtempSync(join(tmpdir(), 'kyc-replace-'))
  const blurred = join(files, 'front-blurred.jpg')
  const sharp = join(files, 'front.jpg')
  writeFileSync(blurred, await blurredJpeg('front'))
  writeFileSync(sharp, await documentJpeg('front'))
  const account = await sandboxAccount(app.sandbox.admin)
  const id = await seedApplicant(core, { uid: account.uid, token: 'stale-token-000000' }, 31)
  await expect.poll(() => core.store.applicants.summary(id)?.status, { timeout: 30_000 }).toBe('needs-new-qr')

  await app.open(`/applicants/${id}`)
  const detail = page.getByTestId('applicant-detail')
  await expect(detail).toHaveAttribute('data-status', 'needs-new-qr')
  const before = core.store.applicants.get(id)
  const oldFront = before?.stage === 'queued' ? before.images.front.sha256 : ''

  // The thumbnail opens in the viewer, which rotates.
  await page.locator('[data-slot="front"]').getByTestId('open-viewer').click()
  await page.getByTestId('viewer-rotate').click()
  await expect(page.locator('.el-image-viewer__img')).toHaveAttribute('style', /rotate\(90deg\)/)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('viewer-toolbar')).toHaveCount(0)

  // A blurred file: the quality gate says why, and nothing changes.
  await page.getByTestId('replace-front-file').setInputFiles(blurred)
  await expect(page.getByTestId('replace-front-findings')).toContainText('模糊')
  const unchanged = core.store.applicants.get(id)
  expect(unchanged?.stage === 'queued' && unchanged.images.front.sha256).toBe(oldFront)

  // A sharp one replaces it; only that image's steps go back to pending.
  await page.getByTestId('replace-front-file').setInputFiles(sharp)
  await expect(page.getByText('已替换证件正面')).toBeVisible()
  await expect(page.getByTestId('replace-front-findings')).toHaveCount(0)
  const after = core.store.applicants.get(id)
  const newFront = after?.stage === 'queued' ? after.images.front.sha256 : ''
  expect(newFront).not.toBe(oldFront)
  const edited = core.store.events.listForApplicant(id).filter((e) => e.type === 'edited').at(-1)
  expect(edited?.details).toMatchObject({ slots: ['front'], resetSteps: ['upload:front', 'authnew:2', 'reconcile'] })

  // The customer's new QR fixes the refusal; the platform then holds the new front.
  await page.getByTestId('binding-input').fill(JSON.stringify(account))
  await page.getByTestId('binding-replace').click()
  await expect(detail).toHaveAttribute('data-status', 'submitted', { timeout: 30_000 })
  const objects = (await (await app.sandbox.admin.fetch(`/objects?prefix=${encodeURIComponent(`kyc/${account.uid}/`)}`)).json()) as unknown
  expect(JSON.stringify(objects)).toContain(`front-${newFront.slice(0, 16)}.jpg`)
  expect(JSON.stringify(objects)).not.toContain(`front-${oldFront.slice(0, 16)}.jpg`)
})
