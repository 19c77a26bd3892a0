import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from './harness/app-fixture'
import { blurredJpeg, documentJpeg } from './harness/documents'
import { cameraTest as test } from './harness/fake-camera'

const files = mkdtempSync(join(tmpdir(), 'kyc-camera-files-'))

async function file(name: string, bytes: Promise<Buffer>): Promise<string> {
  const path = join(files, name)
  writeFileSync(path, await bytes)
  return path
}

test('captures with the fake camera and a file, sees a quality warning, fixes it, and queues the applicant', async ({ app }) => {
  const { page } = app
  const [blurredBack, back, hand] = await Promise.all([
    file('back-blurred.jpg', blurredJpeg('back')),
    file('back.jpg', documentJpeg('back')),
    file('hand.jpg', documentJpeg('hand')),
  ])
  await app.open('/capture')

  // Training mode offers the sandbox's demo customers; the token never reaches the page.
  await page.getByTestId('demo-customers').click()
  await page.getByRole('option').first().click()
  await expect(page.getByTestId('masked-token')).toContainText('••••')

  await page.locator('#cap-surname').fill('张')
  await page.locator('#cap-given-name').fill('伟')
  await page.locator('#cap-document-number').fill('11010519491231002X')
  await page.locator('#cap-issue-date').fill('2015-03-01')
  await page.locator('[data-field="validity"]').getByText('长期有效').click()

  // The front from the camera: framing guide, still, use it.
  await page.getByTestId('slot-front').getByRole('button', { name: '拍照' }).click()
  const dialog = page.getByTestId('camera-dialog')
  await expect(dialog.locator('.guide')).toBeVisible()
  await dialog.getByTestId('camera-capture').click()
  await dialog.getByTestId('camera-use').click()
  await expect(page.getByTestId('slot-front').locator('img')).toBeVisible()
  await expect(page.getByTestId('slot-front')).toContainText('1280 × 800')
  await expect(page.getByTestId('slot-front-status')).toContainText('质量合格')

  // The back from a file, out of focus: the quality gate says so, in words, and queueing is refused.
  await page.getByTestId('slot-back-file').setInputFiles(blurredBack)
  await expect(page.getByTestId('slot-back-issues')).toContainText('照片模糊：请重拍或重新扫描')
  await expect(page.getByTestId('slot-back-status')).toContainText('需要处理')
  await page.getByTestId('slot-hand-file').setInputFiles(hand)
  await page.getByTestId('consent').click()
  await expect(page.getByTestId('check-quality')).toHaveAttribute('data-done', 'false')
  await page.getByTestId('queue').click()
  await expect(page.getByTestId('queue-refused')).toContainText('照片模糊：请重拍或重新扫描')
  expect(app.core.store.applicants.list({}).items.map((a) => a.status)).toEqual(['draft'])

  // Fixed by scanning the back again.
  await page.getByTestId('slot-back-file').setInputFiles(back)
  await expect(page.getByTestId('slot-back-status')).toContainText('质量合格')
  await expect(page.getByTestId('slot-back-issues')).toHaveCount(0)
  await expect(page.getByTestId('check-quality')).toHaveAttribute('data-done', 'true')

  await page.getByTestId('queue').click()
  await expect(page.getByText(/已加入队列：\d{8}-\d{4}/)).toBeVisible()
  const [queued] = app.core.store.applicants.list({}).items
  expect(queued?.status).not.toBe('draft')
  const record = app.core.store.applicants.get(queued!.id)
  expect(record?.stage).toBe('queued')
  if (record?.stage === 'queued') {
    expect(record.images.front).toMatchObject({ width: 1280, height: 800, overrideReason: null })
    expect(record.images.back.overrideReason).toBeNull()
  }
})
