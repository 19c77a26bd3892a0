import { readFileSync } from 'node:fs'
import { demoIdentity } from '../electron/core/environment/demo-applicants'
import { expect, test } from './harness/app-fixture'
import { sandboxAccount, seedApplicant } from './harness/seed'

test('the status report is masked by default, includes personal data only when ticked; the audit log exports; every export is audited', async ({ app }) => {
  const account = await sandboxAccount(app.sandbox.admin)
  await seedApplicant(app.core, account, 4)
  const number = demoIdentity(4).documentNumber
  await app.open('/queue')
  const page = app.page

  await page.getByTestId('export-report').click()
  await page.getByTestId('export-save').click()
  await expect.poll(() => app.savedFiles.length).toBe(1)
  const masked = readFileSync(app.savedFiles[0] ?? '', 'utf8')
  expect(masked).toContain('reference,label,status')
  expect(masked).not.toContain(number)
  expect(masked).not.toContain(account.token)

  await page.getByTestId('export-report').click()
  await page.getByTestId('export-include-personal').click()
  await page.getByTestId('export-save').click()
  await expect.poll(() => app.savedFiles.length).toBe(2)
  const full = readFileSync(app.savedFiles[1] ?? '', 'utf8')
  expect(full).toContain(number)
  expect(full).not.toContain(account.token)

  await page.getByTestId('export-report').click()
  await page.getByTestId('export-kind-audit').click()
  await page.getByTestId('export-save').click()
  await expect.poll(() => app.savedFiles.length).toBe(3)
  const audit = readFileSync(app.savedFiles[2] ?? '', 'utf8')
  expect(audit).toContain('id,time,event,operator,applicant,details')
  expect(audit).toMatch(/exported,培训员 Lin,/)
  expect(audit).not.toContain(number)

  const exports = app.core.store.events.listAfter(0, 500).filter((e) => e.type === 'exported')
  expect(exports.map((e) => [e.details['kind'], e.details['includePersonalData']])).toEqual([
    ['status-report', false],
    ['status-report', true],
    ['audit-log', false],
  ])
  expect(exports.every((e) => e.operatorId !== null)).toBe(true)
})
