import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { renderMrzPage, td3Lines } from '../electron/core/intake/image/test-fixtures/passport-page'
import { documentJpeg } from './harness/documents'
import { expect, test } from './harness/app-fixture'
import { scannerBurst, tabTo } from './harness/keyboard'

const files = mkdtempSync(join(tmpdir(), 'kyc-capture-files-'))
async function file(name: string, bytes: Promise<Buffer>): Promise<string> {
  const path = join(files, name)
  writeFileSync(path, await bytes)
  return path
}

/** Keyboard only: Tab to the slot's "choose file" button, press Enter, answer the file chooser. */
async function pickByKeyboard(page: Page, slot: 'front' | 'back' | 'hand', path: string): Promise<void> {
  await tabTo(page, `[data-testid="slot-${slot}"] button:first-of-type`)
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Enter')
  await (await chooser).setFiles(path)
  await expect(page.getByTestId(`slot-${slot}`).locator('img')).toBeVisible()
}

test.describe('capture: one walk-in customer at the counter', () => {
  test('a Chinese ID applicant, by keyboard only, with the binding QR code scanned into another field', async ({ app }) => {
    const { page } = app
    const customer = app.sandbox.users[0]!
    const [front, back, hand] = await Promise.all([
      file('id-front.jpg', documentJpeg('front')),
      file('id-back.jpg', documentJpeg('back')),
      file('id-hand.jpg', documentJpeg('hand')),
    ])
    await app.open('/capture')
    await expect(page.locator('#cap-binding-scan')).toBeFocused()

    // The surname field has the focus when the customer's QR code is scanned: the binding is taken, the field stays empty.
    await tabTo(page, '#cap-surname')
    await page.keyboard.type('王')
    await scannerBurst(page, [`kyc://bind?uid=${customer.uid}&token=${encodeURIComponent(customer.token)}`])
    await expect(page.getByTestId('masked-token')).toContainText(`••••${customer.token.slice(-4)}`)
    await expect(page.locator('#cap-surname')).toHaveValue('王')
    await expect(page.getByTestId('binding-panel')).not.toContainText(customer.token)

    await tabTo(page, '#cap-given-name')
    await page.keyboard.type('小红')
    await tabTo(page, '#cap-document-number')
    // GB 11643's sample number: born 1949-12-31, female. Birthday and gender fill themselves.
    await page.keyboard.type('11010519491231002X')
    await expect(page.locator('#cap-birthday')).toHaveValue('1949-12-31')
    await expect(page.locator('[data-field="gender"] input[value="female"]')).toBeChecked()

    await tabTo(page, '#cap-issue-date')
    await page.keyboard.type('20150301')
    await page.keyboard.press('Tab')
    await expect(page.locator('#cap-issue-date')).toHaveValue('2015-03-01')
    // Issued at 65: the card is long-term by law, and the form says so by itself.
    await expect(page.locator('[data-field="validity"] input[value="long-term"]')).toBeChecked()
    await expect(page.locator('[data-field="validity"] [data-testid="field-issue"]')).toHaveCount(0)

    await pickByKeyboard(page, 'front', front)
    await pickByKeyboard(page, 'back', back)
    await pickByKeyboard(page, 'hand', hand)
    for (const slot of ['front', 'back', 'hand']) await expect(page.getByTestId(`slot-${slot}-status`)).toContainText('质量合格')

    await tabTo(page, '[data-testid="consent"] input')
    await page.keyboard.press('Space')
    await expect(page.getByTestId('check-consent')).toHaveAttribute('data-done', 'true')
    await expect(page.getByTestId('save-state')).toHaveText('草稿已保存')

    await page.keyboard.press('Control+Enter')
    await expect(page.getByText(/已加入队列：\d{8}-\d{4}/)).toBeVisible()
    const queued = app.core.store.applicants.list({})
    expect(queued.items.map((a) => a.label)).toEqual(['王* ····002X'])
    expect(queued.items[0]?.status).not.toBe('draft')
    const record = app.core.store.applicants.get(queued.items[0]!.id)
    expect(record?.stage === 'queued' && record.binding).toEqual({ uid: customer.uid, token: customer.token })
    expect(record?.stage === 'queued' && record.identity).toMatchObject({ gender: 'female', birthday: '1949-12-31', validity: { kind: 'long-term' } })
    // The form is ready for the next customer.
    await expect(page.locator('#cap-surname')).toHaveValue('')
    await expect(page.locator('#cap-binding-scan')).toBeFocused()
  })

  test('a passport applicant from an MRZ swipe, synced at once', async ({ app }) => {
    const { page } = app
    const customer = app.sandbox.users[1]!
    // A Chinese passport; the synthetic page's MRZ is one the offline OCR reads exactly.
    const lines = td3Lines({
      country: 'CHN',
      surname: 'ZHANG',
      givenNames: 'SAN',
      number: 'E12345678',
      nationality: 'CHN',
      birth: '850101',
      sex: 'M',
      expiry: '300101',
    })
    const [front, back, hand] = await Promise.all([
      file('passport.jpg', renderMrzPage(lines)),
      file('passport-back.jpg', documentJpeg('back')),
      file('passport-hand.jpg', documentJpeg('hand')),
    ])
    await app.open('/capture')
    await tabTo(page, '#cap-given-name')
    await scannerBurst(page, lines)
    await expect(page.getByText('刷卡器：已按 MRZ 填写证件信息。')).toBeVisible()
    await expect(page.locator('#cap-surname')).toHaveValue('ZHANG')
    await expect(page.locator('#cap-given-name')).toHaveValue('SAN')
    await expect(page.locator('#cap-document-number')).toHaveValue('E12345678')
    await expect(page.locator('#cap-birthday')).toHaveValue('1985-01-01')
    await expect(page.locator('#cap-expiry-date')).toHaveValue('2030-01-01')
    await expect(page.locator('[data-field="gender"] input[value="male"]')).toBeChecked()
    await expect(page.locator('[data-testid="document-type"] input[value="passport"]')).toBeChecked()
    await expect(page.locator('#cap-mrz')).toHaveValue(lines.join('\n'))

    await page.locator('#cap-issue-date').fill('2020-01-02')
    // The binding typed by hand this time: uid and token fields.
    await page.getByRole('button', { name: '手动输入 uid 和令牌' }).click()
    await page.locator('#cap-binding-uid').fill(customer.uid)
    await page.locator('#cap-binding-token').fill(customer.token)
    await page.locator('#cap-binding-token').press('Enter')
    await expect(page.getByTestId('masked-token')).toBeVisible()

    for (const [slot, path] of [['front', front], ['back', back], ['hand', hand]] as const) {
      await page.getByTestId(`slot-${slot}-file`).setInputFiles(path)
      await expect(page.getByTestId(`slot-${slot}`).locator('img')).toBeVisible()
    }
    // The MRZ read offline from the passport page agrees with the swipe.
    await page.getByRole('button', { name: '从正面照片识别 MRZ' }).click()
    await expect(page.getByText('已按 MRZ 填写证件信息。', { exact: true })).toBeVisible({ timeout: 60_000 })
    await expect(page.locator('#cap-surname')).toHaveValue('ZHANG')

    await page.getByTestId('consent').click()
    await page.getByTestId('queue-sync').click()
    await expect(page.getByText(/已加入队列，正在同步：/)).toBeVisible()
    const [queued] = app.core.store.applicants.list({}).items
    await expect.poll(() => app.core.store.applicants.summary(queued!.id)?.status, { timeout: 60_000 }).toBe('submitted')
  })

  test('a draft survives a restart of the screen and is resumed from the draft list', async ({ app }) => {
    const { page } = app
    await app.open('/capture')
    await page.locator('#cap-surname').fill('李')
    await page.locator('#cap-document-number').fill('1101051949123100')
    await expect(page.getByTestId('save-state')).toHaveText('草稿已保存')
    const reference = (await page.getByTestId('capture-reference').innerText()).replace('编号 ', '').trim()

    await page.reload()
    await expect(page.getByTestId('resume-hint')).toBeVisible()
    await page.getByTestId('open-drafts').click()
    await page.getByTestId(`draft-${reference}`).getByRole('button', { name: '继续' }).click()
    await expect(page.locator('#cap-surname')).toHaveValue('李')
    await expect(page.locator('#cap-document-number')).toHaveValue('1101051949123100')
    // Half-typed, so the identity rules speak up (an 16-digit number is not a valid ID number).
    await expect(page.locator('[data-field="documentNumber"] [data-testid="field-issue"]')).toBeVisible()
  })
})
