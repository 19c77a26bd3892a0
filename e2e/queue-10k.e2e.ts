import type { ImageInput } from '../electron/core/queue/types'
import { demoIdentity } from '../electron/core/environment/demo-applicants'
import { imageSlots, type ImageSlot } from '../shared/domain/images'
import { expect, test } from './harness/app-fixture'
import { demoImages } from './harness/seed'

/**
 * Ten thousand applicants on the dashboard: it renders, scrolls to the very end and shows the
 * last row, loading pages as it goes. Functional only; the timings live in the benchmarks.
 */
const COUNT = 10_000

test('the dashboard renders 10,000 applicants, scrolls to the end and shows the last row', async ({ app }) => {
  test.setTimeout(600_000)
  const { core, page } = app
  // Nothing syncs: the engine is paused before the first applicant is queued.
  core.sync.current.pause()

  // Three small images, stored once and referenced by their SHA-256 from every applicant.
  const images = await demoImages()
  const byHash = {} as Record<ImageSlot, ImageInput>
  for (const slot of imageSlots) {
    const { source, ...rest } = images[slot]
    if (!('jpeg' in source)) throw new Error('expected image bytes')
    byHash[slot] = { ...rest, source: { sha256: await core.store.images.put(source.jpeg), byteSize: source.jpeg.length } }
  }
  const binding = { uid: '9000000000000000001', token: 'never-synced-token' }
  const ids: string[] = []
  for (let i = 0; i < COUNT; i += 1) {
    const created = await core.store.applicants.createQueued({
      identity: demoIdentity(i),
      binding,
      images: byHash,
      operatorId: null,
      consent: { version: 'e2e', at: Date.now() },
    })
    if (!created.ok) throw new Error(created.reason)
    ids.push(created.id)
  }
  const first = core.store.applicants.summary(ids[0] ?? '')
  const last = core.store.applicants.summary(ids[COUNT - 1] ?? '')

  await app.open('/queue')
  await expect(page.locator('[data-testid="status-counts"] [data-status="queued"] [data-testid="count"]')).toHaveText(String(COUNT))
  // Newest first: the last one queued heads the list, the first one queued ends it.
  await expect(page.getByTestId('queue-row').first()).toHaveAttribute('data-id', last?.id ?? '')
  // Only the rows in view exist in the page.
  expect(await page.getByTestId('queue-row').count()).toBeLessThan(60)

  const viewport = page.getByTestId('queue-table').locator('.viewport')
  // Scroll down in steps, as a wheel would, then jump to the end.
  for (const fraction of [0.25, 0.5, 0.75]) {
    await viewport.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), fraction)
    await expect(page.getByTestId('queue-row').first()).toBeVisible()
  }
  await viewport.evaluate((el) => (el.scrollTop = el.scrollHeight))
  const lastRow = page.locator(`[data-testid="queue-row"][data-id="${first?.id ?? ''}"]`)
  await expect(lastRow).toBeVisible()
  await expect(lastRow.getByTestId('row-link')).toHaveText(first?.reference ?? '')
  expect(await page.getByTestId('queue-row').count()).toBeLessThan(60)

  // A step event for a row in view changes that row.
  core.store.steps.markStep(first?.id ?? '', 'sts', { kind: 'started' })
  await expect(lastRow).toHaveAttribute('data-status', 'syncing')
  await expect(lastRow.locator('[data-step="sts"]')).toHaveAttribute('data-state', 'running')
})
