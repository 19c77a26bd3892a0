import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { documentJpeg } from './harness/documents'
import { expect, test } from './harness/app-fixture'

test('scanner inbox: files the scanner saves appear, bad ones with their reason, and one goes into a slot', async ({ app }) => {
  const { page } = app
  const folder = mkdtempSync(join(tmpdir(), 'kyc-scans-'))
  app.core.settings.update({ intake: { scannerFolder: folder, scannerPattern: '' } })
  await app.open('/capture')
  const inbox = page.getByTestId('inbox')
  await expect(inbox).toContainText('扫描文件夹中没有待处理的文件。')

  writeFileSync(join(folder, 'scan-0001.jpg'), await documentJpeg('back'))
  writeFileSync(join(folder, 'scan-0002.jpg'), Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'))

  const good = page.getByTestId('inbox-item-scan-0001.jpg')
  const bad = page.getByTestId('inbox-item-scan-0002.jpg')
  await expect(good).toContainText('待分配', { timeout: 30_000 })
  await expect(good.locator('img')).toBeVisible()
  await expect(bad).toContainText('无法使用', { timeout: 30_000 })
  await expect(bad).toContainText('PDF')

  await good.getByRole('button', { name: '放入证件背面' }).click()
  await expect(page.getByTestId('slot-back').locator('img')).toBeVisible()
  await expect(page.getByTestId('slot-back-status')).toContainText('质量合格')
  await expect(good).toHaveCount(0)
  // The plaintext scan leaves the folder once its encrypted copy is stored.
  expect(existsSync(join(folder, 'scan-0001.jpg'))).toBe(false)

  // Not an image: kyc-desk takes it off the list and leaves the file alone.
  await bad.getByRole('button', { name: '从列表移除（不是图片，文件保留）' }).click()
  await expect(bad).toHaveCount(0)
  expect(existsSync(join(folder, 'scan-0002.jpg'))).toBe(true)
  await expect(inbox).toContainText('扫描文件夹中没有待处理的文件。')
})
