import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './harness/app-fixture'

const example = join(import.meta.dirname, '../resources/example-import')

/** Every file under `dir` that starts like a JPEG (the sandbox's own uploads aside: it stands for the platform). */
function plaintextJpegsUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('sandbox'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])))
}

test.describe('batch import: a manifest with a bad row', () => {
  test('previews every row with its problems, imports the valid ones and reports the bad one', async ({ app }) => {
    const { page } = app
    await app.open('/import')

    // The page's own pickers: a browser hands over the files and their names, never a path.
    await app.pickFiles(page.getByTestId('choose-manifest'), join(example, 'manifest.csv'))
    await expect(page.getByTestId('import-manifest')).toHaveText('manifest.csv')
    await app.pickFiles(page.getByTestId('choose-images'), join(example, 'images'))
    await expect(page.getByTestId('import-images')).toHaveText('images')

    await page.getByTestId('run-preview').click()
    const preview = page.getByTestId('import-preview')
    await expect(preview).toBeVisible({ timeout: 60_000 })
    await expect(page.getByTestId('summary-ready')).toContainText('可导入 4 行')
    await expect(page.getByTestId('summary-invalid')).toContainText('无效 1 行')
    const bad = page.getByTestId('import-rows').locator('tr', { has: page.getByTestId('row-6') })
    await expect(bad).toContainText('无效')
    await expect(bad).toContainText('校验')
    await expect(bad).toContainText('不能以 0 开头')
    // Nothing is stored by a preview.
    expect(app.core.store.applicants.list({}).total).toBe(0)

    // Each image shows as a small thumbnail that opens in the viewer, at a larger size, and rotates.
    const first = page.getByTestId('import-rows').locator('tr', { has: page.getByTestId('row-2') })
    await expect(first.getByTestId('import-thumb').locator('img')).toHaveCount(3)
    const thumb = first.locator('[data-testid="import-thumb"][data-slot="front"] img')
    expect(await thumb.evaluate((img: HTMLImageElement) => Math.max(img.naturalWidth, img.naturalHeight))).toBeLessThanOrEqual(160)
    await first.locator('[data-slot="front"]').getByTestId('open-viewer').click()
    const viewed = page.locator('.el-image-viewer__img')
    await expect.poll(() => viewed.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 10_000 }).toBeGreaterThan(160)
    await page.getByTestId('viewer-rotate').click()
    await expect(viewed).toHaveAttribute('style', /rotate\(90deg\)/)
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('viewer-toolbar')).toHaveCount(0)

    await page.getByRole('radio', { name: '仅有问题的行' }).check({ force: true })
    await expect(page.getByTestId('import-rows').locator('tbody tr')).toHaveCount(1)

    await expect(page.getByTestId('import-commit')).toBeDisabled()
    await page.getByTestId('import-consent').click()
    await page.getByTestId('import-commit').click()
    await expect(page.getByTestId('import-result-summary')).toHaveText('已导入 4 人，未导入 1 行。', { timeout: 60_000 })
    const result = page.getByTestId('import-result')
    await expect(result.getByText(/编号 \d{8}-\d{4}/)).toHaveCount(4)
    await expect(result).toContainText('不能以 0 开头')

    const stored = app.core.store.applicants.list({})
    expect(stored.total).toBe(4)
    expect(stored.items.every((a) => a.status !== 'draft')).toBe(true)
    expect(stored.items.map((a) => a.label).sort()).toEqual(['H* ····8207', '李* ····1239', '王* ····0035', '陈* ····0427'].sort())
    // The scans went from the browser to memory to the encrypted store: no plaintext JPEG in the data folder.
    expect(plaintextJpegsUnder(app.dataDir)).toEqual([])
  })
})

test.describe('batch import: the browser pickers', () => {
  test('a cancelled pick keeps the choice; a folder without images is refused with its reason', async ({ app }) => {
    const { page } = app
    await app.open('/import')
    await app.pickFiles(page.getByTestId('choose-manifest'), join(example, 'manifest.csv'))
    await expect(page.getByTestId('import-manifest')).toHaveText('manifest.csv')
    // An uploaded manifest has no folder of its own, and the screen says so.
    await expect(page.getByTestId('import-images-hint')).toHaveText('请同时选择图片所在的文件夹')
    // The operator closes the picker without choosing: nothing is sent, nothing changes.
    await app.pickFiles(page.getByTestId('choose-manifest'), [])
    await expect(page.getByTestId('import-manifest')).toHaveText('manifest.csv')
    await expect(page.getByTestId('ipc-error')).toHaveCount(0)

    const notes = join(app.dataDir, 'notes')
    mkdirSync(notes)
    writeFileSync(join(notes, 'readme.txt'), 'not a scan')
    await app.pickFiles(page.getByTestId('choose-images'), notes)
    await expect(page.getByTestId('ipc-error')).toContainText('没有图片')
    await expect(page.getByTestId('import-images')).toHaveCount(0)
    // Without an images folder an uploaded manifest cannot be previewed: it says which is missing.
    await page.getByTestId('run-preview').click()
    await expect(page.getByTestId('ipc-error')).toContainText('选择图片文件夹')
    expect(app.core.store.applicants.list({}).total).toBe(0)
  })
})
