import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { documentJpeg } from './harness/documents'
import { scannerBurst } from './harness/keyboard'
import { operatorInputs, pauseOperatorInputs, recordOperatorInputs } from './harness/operator-inputs'
import { klmEstimate } from '../shared/operator-speed/klm'
import { expect, test } from './harness/app-fixture'

/**
 * A walk-in with no typing (issue 20): the reader emulator holds the customer's card, F4 reads it
 * into the form, the operator lifts it off, the scanner folder brings the three images, and the
 * applicant is queued. Key presses: F4, then Ctrl+Enter (the binding QR and the images come from
 * devices, consent is one click); the operator's time by the keystroke-level model is at most 15 s.
 */
test('training mode: the chip fills the form, 请取走证件, images from the scanner folder, queued', async ({ app }) => {
  const { page } = app
  const emulator = app.sandbox.idCardReader
  if (!emulator) throw new Error('the sandbox runs no reader emulator')
  const reader = (path: string, method: string, body?: unknown) =>
    fetch(`${emulator.adminUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${app.sandbox.admin.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  const folder = mkdtempSync(join(tmpdir(), 'kyc-scans-'))
  app.core.settings.update({ intake: { scannerFolder: folder, scannerPattern: '{ref}_{slot}' } })
  expect((await reader('/card', 'PUT', { cardId: 'compound-sima' })).status).toBe(200)

  await app.open('/capture')
  await recordOperatorInputs(page)
  await expect(page.getByTestId('reader-status')).toContainText('已放置证件 · 培训模拟读卡器')
  await page.keyboard.press('F4')

  await expect(page.locator('#cap-surname')).toHaveValue('司马')
  await expect(page.locator('#cap-given-name')).toHaveValue('相如')
  await expect(page.locator('#cap-document-number')).toHaveValue(/^51010519880412001[\dX]$/)
  await expect(page.locator('#cap-birthday')).toHaveValue('1988-04-12')
  await expect(page.locator('#cap-issue-date')).toHaveValue('2018-05-01')
  await expect(page.getByTestId('reader-chip')).toContainText('来自芯片')
  await expect(page.getByTestId('chip-photo')).toBeVisible()
  await expect(page.getByTestId('reader-lift')).toContainText('请取走证件')
  await expect(page.getByTestId('reader-read')).toBeDisabled()

  expect((await reader('/card', 'DELETE')).status).toBe(200)
  await expect(page.getByTestId('reader-removed')).toContainText('证件已取走')
  await expect(page.getByTestId('reader-read')).toBeEnabled()

  const customer = app.sandbox.users[0]!
  await pauseOperatorInputs(page, true)
  await scannerBurst(page, [`kyc://bind?uid=${customer.uid}&token=${encodeURIComponent(customer.token)}`])
  await pauseOperatorInputs(page, false)
  await expect(page.getByTestId('masked-token')).toContainText(`••••${customer.token.slice(-4)}`)

  const reference = ((await page.getByTestId('capture-reference').textContent()) ?? '').replace(/^编号\s*/, '').trim()
  expect(reference).toMatch(/^\d{8}-\d{4}$/)
  for (const slot of ['front', 'back', 'hand'] as const) writeFileSync(join(folder, `${reference}_${slot}.jpg`), await documentJpeg(slot))
  for (const slot of ['front', 'back', 'hand']) await expect(page.getByTestId(`slot-${slot}-status`)).toContainText('质量合格', { timeout: 30_000 })

  await page.getByTestId('consent').click()
  await expect(page.getByTestId('check-consent')).toHaveAttribute('data-done', 'true')
  await expect(page.getByTestId('save-state')).toHaveText('草稿已保存')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText(/已加入队列：\d{8}-\d{4}/)).toBeVisible()

  const speed = klmEstimate(await operatorInputs(page))
  expect(speed.keyPresses).toBeLessThanOrEqual(8)
  expect(speed.seconds).toBeLessThanOrEqual(15)
  // F4, a click on consent, Ctrl+Enter: M K · H M P K · H M K K (docs/id-card-readers.md).
  expect(speed.operators.join(' ')).toBe('M K H M P K H M K K')

  const queued = app.core.store.applicants.list({})
  expect(queued.items).toHaveLength(1)
  const record = app.core.store.applicants.get(queued.items[0]!.id)
  expect(record?.stage === 'queued' && record.identity).toMatchObject({
    surname: '司马', givenName: '相如', country: 'CHN', documentType: 'id_card', birthday: '1988-04-12', gender: 'male',
    chineseMainland: true, issueDate: '2018-05-01', validity: { kind: 'until', expiryDate: '2038-05-01' },
  })
})
