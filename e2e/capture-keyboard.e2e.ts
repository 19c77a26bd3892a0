import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { documentJpeg } from './harness/documents'
import { expect, test } from './harness/app-fixture'
import { scannerBurst } from './harness/keyboard'

/**
 * Counts, in the page, every key the operator presses that is not typing a value: Tab, Enter,
 * arrows, Space on a control, and any chord with Ctrl, Alt or Meta. Modifier keys alone are not
 * presses of their own (Alt+1 is one).
 */
async function countNavigationKeys(page: Page): Promise<void> {
  await page.evaluate(() => {
    const counted = { n: 0 }
    Object.assign(window, { navigationKeys: counted })
    window.addEventListener(
      'keydown',
      (event) => {
        if (['Alt', 'Control', 'Shift', 'Meta'].includes(event.key)) return
        const target = event.target
        const inText = target instanceof HTMLInputElement && !['checkbox', 'radio'].includes(target.type)
        const typing = event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey && (event.key !== ' ' || inText)
        if (!typing) counted.n++
      },
      true,
    )
  })
}
const navigationKeys = (page: Page) => page.evaluate(() => (window as unknown as { navigationKeys: { n: number } }).navigationKeys.n)

test('a Chinese ID walk-in by keyboard alone takes at most 8 key presses beyond the typed values', async ({ app }) => {
  const { page } = app
  const customer = app.sandbox.users[0]!
  const folder = mkdtempSync(join(tmpdir(), 'kyc-walkin-scans-'))
  app.core.settings.update({ intake: { scannerFolder: folder, scannerPattern: '' } })
  await app.open('/capture')
  // The scanner saves the three pages as the customer hands them over: front, back, holding the ID.
  for (const [name, kind] of [['scan-0001.jpg', 'front'], ['scan-0002.jpg', 'back'], ['scan-0003.jpg', 'hand']] as const) {
    writeFileSync(join(folder, name), await documentJpeg(kind))
    await expect(page.getByTestId(`inbox-item-${name}`)).toContainText('待分配', { timeout: 30_000 })
  }
  await expect(page.locator('#cap-binding-scan')).toBeFocused()
  await countNavigationKeys(page)

  // The account QR code, from the scanner (its keys are the device's, not the operator's).
  await scannerBurst(page, [`kyc://bind?uid=${customer.uid}&token=${encodeURIComponent(customer.token)}`])
  await expect(page.getByTestId('masked-token')).toBeVisible()
  await expect(page.locator('#cap-surname')).toBeFocused()
  const afterScan = await navigationKeys(page)

  await page.keyboard.type('王')
  await page.keyboard.press('Enter')
  await expect(page.locator('#cap-given-name')).toBeFocused()
  await page.keyboard.type('小红')
  await page.keyboard.press('Enter')
  await expect(page.locator('#cap-document-number')).toBeFocused()
  // GB 11643's sample number: born 1949-12-31, female. Birthday and gender are filled and skipped.
  await page.keyboard.type('11010519491231002X')
  await page.keyboard.press('Enter')
  await expect(page.locator('#cap-issue-date')).toBeFocused()
  await expect(page.locator('#cap-birthday')).toHaveValue('1949-12-31')
  await expect(page.locator('[data-field="gender"] input[value="female"]')).toBeChecked()
  await page.keyboard.type('20150301')

  // Straight on to the images: the issue date is tidied, and a card issued at 65 is long-term by law.
  await page.keyboard.press('Alt+1')
  await expect(page.getByTestId('slot-front').locator('img')).toBeVisible()
  await expect(page.locator('#cap-issue-date')).toHaveValue('2015-03-01')
  await expect(page.locator('[data-field="validity"] input[value="long-term"]')).toBeChecked()
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('slot-back').locator('img')).toBeVisible()
  await page.keyboard.press('Alt+3')
  await expect(page.getByTestId('slot-hand').locator('img')).toBeVisible()
  for (const slot of ['front', 'back', 'hand']) await expect(page.getByTestId(`slot-${slot}-status`)).toContainText('质量合格')

  await expect(page.locator('[data-testid="consent"] input')).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page.getByTestId('check-consent')).toHaveAttribute('data-done', 'true')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText(/已加入队列：\d{8}-\d{4}/)).toBeVisible()

  const presses = (await navigationKeys(page)) - afterScan
  // Enter ×3, Alt+1, Alt+2, Alt+3, Space, Ctrl+Enter.
  expect(presses).toBeLessThanOrEqual(8)
  expect(presses).toBe(8)
  const queued = app.core.store.applicants.list({}).items
  expect(queued.map((a) => a.label)).toEqual(['王* ····002X'])
  expect(queued[0]?.status).not.toBe('draft')
  const record = app.core.store.applicants.get(queued[0]!.id)
  expect(record?.stage === 'queued' && record.identity).toMatchObject({ issueDate: '2015-03-01', validity: { kind: 'long-term' } })
  // Ready for the next customer, at the account QR code.
  await expect(page.locator('#cap-binding-scan')).toBeFocused()
})
