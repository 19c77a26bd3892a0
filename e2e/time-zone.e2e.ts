import { readFileSync } from 'node:fs'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

// A branch in New York: every time on screen and in exports is New York's, whatever zone the core's process runs in.
test.use({ timezoneId: 'America/New_York' })

function newYork(ms: number): { wall: string; offset: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  )
  return { wall: `${parts['hour']}:${parts['minute']}:${parts['second']}`, offset: String(parts['timeZoneName']).replace('GMT', '') }
}

test('shows and exports times in the branch zone, not UTC', async ({ app }) => {
  const account = await sandboxAccount(app.sandbox.admin)
  const id = await seedApplicant(app.core, account, 2)
  const createdAt = app.core.store.applicants.summary(id)?.createdAt ?? 0
  const expected = newYork(createdAt)

  await app.open(`/applicants/${id}`)
  await expect(app.page.getByText(new RegExp(`采集于.*${expected.wall}`))).toBeVisible()

  await app.open('/queue')
  await app.page.getByTestId('export-report').click()
  await app.page.getByTestId('export-save').click()
  await expect.poll(() => app.savedFiles.length).toBe(1)
  const report = readFileSync(app.savedFiles[0] ?? '', 'utf8')
  expect(report).toContain(`T${expected.wall}${expected.offset},`)
})
