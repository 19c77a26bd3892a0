import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { expect } from './harness/app-fixture'
import { darkJpeg, documentJpeg } from './harness/documents'
import { cameraTest as test } from './harness/fake-camera'

/** Screenshots of the capture and batch import screens in Chinese and English, for the README and review. */
const out = join(import.meta.dirname, '../docs/screenshots')
const langs = ['zh-CN', 'en'] as const
const example = join(import.meta.dirname, '../resources/example-import')

async function switchTo(page: Page, lang: (typeof langs)[number]): Promise<void> {
  await page.getByTestId('language-switch').getByText(lang === 'en' ? 'English' : '中文').click()
  await expect(page.locator('html')).toHaveAttribute('lang', lang)
  // Let the switch's own transition finish before the picture.
  await page.waitForTimeout(400)
}

test('capture and batch import screens in both languages', async ({ app }) => {
  test.setTimeout(180_000)
  const { page } = app
  const files = mkdtempSync(join(tmpdir(), 'kyc-shots-'))
  const scans = mkdtempSync(join(tmpdir(), 'kyc-shots-scans-'))
  app.core.settings.update({ intake: { scannerFolder: scans, scannerPattern: '{ref}_{slot}' } })
  const write = async (name: string, bytes: Promise<Buffer>) => {
    const path = join(files, name)
    writeFileSync(path, await bytes)
    return path
  }
  const [front, back, hand] = await Promise.all([write('front.jpg', documentJpeg('front')), write('back.jpg', documentJpeg('back')), write('hand.jpg', darkJpeg('hand'))])

  await app.open('/capture')
  await page.getByTestId('demo-customers').click()
  await page.getByRole('option').first().click()
  await page.locator('#cap-surname').fill('王')
  await page.locator('#cap-given-name').fill('小红')
  await page.locator('#cap-document-number').fill('11010519491231002X')
  await page.locator('#cap-issue-date').fill('2015-03-01')
  // Issued at 65, the card should be long-term (the form says so); one with a date is a warning the operator confirms with a reason.
  await expect(page.locator('[data-field="validity"] input[value="long-term"]')).toBeChecked()
  await page.locator('[data-field="validity"]').getByText('有截止日期').click()
  await page.locator('#cap-expiry-date').fill('2035-03-01')
  await page.getByTestId('slot-front-file').setInputFiles(front)
  await page.getByTestId('slot-back-file').setInputFiles(back)
  await page.getByTestId('slot-hand-file').setInputFiles(hand)
  await expect(page.getByTestId('slot-hand-issues')).toBeVisible()
  writeFileSync(join(scans, 'scan-0042.jpg'), await documentJpeg('back'))
  writeFileSync(join(scans, 'scan-0043.pdf'), Buffer.from('%PDF-1.7\n%%EOF\n'))
  await expect(page.getByTestId('inbox-item-scan-0042.jpg')).toContainText('待分配', { timeout: 30_000 })
  await expect(page.getByTestId('inbox-item-scan-0043.pdf')).toContainText('无法使用', { timeout: 30_000 })
  await expect(page.getByTestId('save-state')).toHaveText('草稿已保存')

  for (const lang of langs) {
    await switchTo(page, lang)
    await page.locator('#cap-surname').focus()
    await page.screenshot({ path: join(out, `capture.${lang}.png`), fullPage: true })
  }
  for (const lang of langs) {
    await switchTo(page, lang)
    await page.getByTestId('slot-front').getByRole('button', { name: lang === 'en' ? 'Camera' : '拍照' }).click()
    const dialog = page.getByTestId('camera-dialog')
    await expect(dialog.locator('.guide')).toBeVisible()
    await page.waitForTimeout(500)
    await page.screenshot({ path: join(out, `capture-camera.${lang}.png`) })
    await page.keyboard.press('Escape')
    await expect(dialog.locator('.guide')).toBeHidden()
  }

  await app.open('/import')
  await app.pickFiles(page.getByTestId('choose-manifest'), join(example, 'manifest.csv'))
  await app.pickFiles(page.getByTestId('choose-images'), join(example, 'images'))
  await page.getByTestId('run-preview').click()
  await expect(page.getByTestId('import-preview')).toBeVisible({ timeout: 60_000 })
  for (const lang of langs) {
    await switchTo(page, lang)
    await page.screenshot({ path: join(out, `import.${lang}.png`), fullPage: true })
  }
  await page.getByTestId('import-consent').click()
  await page.getByTestId('import-commit').click()
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 })
  for (const lang of langs) {
    await switchTo(page, lang)
    await page.screenshot({ path: join(out, `import-result.${lang}.png`), fullPage: true })
  }
})
