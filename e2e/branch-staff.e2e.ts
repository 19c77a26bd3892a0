import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { main as cli } from '../electron/cli/main'
import { documentJpeg } from './harness/documents'
import { demoOperator, expect, test } from './harness/app-fixture'
import { scannerBurst } from './harness/keyboard'

const files = mkdtempSync(join(tmpdir(), 'kyc-staff-files-'))
async function file(name: string, bytes: Promise<Buffer>): Promise<string> {
  const path = join(files, name)
  writeFileSync(path, await bytes)
  return path
}

/** The command line as IT runs it on the branch PC, its output kept for the test. */
async function runCli(args: string[]): Promise<{ code: number; out: string }> {
  let out = ''
  const sink = new Writable({ write: (chunk: Buffer, _encoding, done) => ((out += chunk.toString()), done()) })
  const code = await cli(args, { stdout: sink, stderr: sink, env: {} })
  return { code, out }
}

test.describe('a branch with several staff', () => {
  test('the admin adds a teller, who changes the temporary PIN, captures, is refused the platform URL and is cut off when disabled', async ({ app }) => {
    const { page } = app
    const teller = '王芳'

    // The admin adds the teller and reads the temporary PIN out to them.
    await app.open('/operators')
    await page.getByTestId('operators-add').click()
    await page.getByTestId('new-operator-name').fill(teller)
    await page.getByTestId('new-operator-save').click()
    const temporaryPin = (await page.getByTestId('temporary-pin').textContent())?.trim() ?? ''
    expect(temporaryPin).toMatch(/^\d{6,12}$/)
    await page.getByRole('button', { name: '完成' }).click()
    await expect(page.getByTestId('operators-table')).toContainText(teller)
    await page.getByRole('button', { name: '退出登录' }).click()

    // The teller signs in with it and can do nothing but choose their own PIN.
    await expect(page.getByTestId('sign-in')).toBeVisible()
    await page.locator('#sign-in-operator').click({ force: true })
    await page.getByRole('option', { name: teller }).click()
    await page.locator('#sign-in-pin').fill(temporaryPin)
    await page.locator('#sign-in-pin').press('Enter')
    await expect(page.getByTestId('change-pin')).toBeVisible()
    await page.locator('#pin-current').fill(temporaryPin)
    await page.locator('#pin-next').fill('135792')
    await page.locator('#pin-again').fill('135792')
    await page.getByTestId('change-pin-save').click()
    await expect(page.getByTestId('signed-in-operator')).toContainText(teller)

    // A walk-in customer, captured and queued by the teller.
    const customer = app.sandbox.users[0]!
    await app.open('/capture')
    await expect(page.locator('#cap-binding-scan')).toBeFocused()
    await scannerBurst(page, [`kyc://bind?uid=${customer.uid}&token=${encodeURIComponent(customer.token)}`])
    await expect(page.getByTestId('masked-token')).toContainText(`••••${customer.token.slice(-4)}`)
    await page.locator('#cap-surname').fill('王')
    await page.locator('#cap-given-name').fill('小红')
    await page.locator('#cap-document-number').fill('11010519491231002X')
    await expect(page.locator('#cap-birthday')).toHaveValue('1949-12-31')
    await page.locator('#cap-issue-date').fill('20150301')
    await page.locator('#cap-issue-date').press('Tab')
    await page.locator('[data-field="validity"] input[value="long-term"]').check({ force: true })
    for (const slot of ['front', 'back', 'hand'] as const) {
      await page.getByTestId(`slot-${slot}-file`).setInputFiles(await file(`id-${slot}.jpg`, documentJpeg(slot)))
      await expect(page.getByTestId(`slot-${slot}-status`)).toContainText('质量合格')
    }
    await page.getByTestId('consent').click()
    await page.getByTestId('queue').click()
    await expect(page.getByText(/已加入队列：\d{8}-\d{4}/)).toBeVisible()
    const [queued] = app.core.store.applicants.list({}).items
    expect(queued?.status).not.toBe('draft')
    expect(queued?.operatorName).toBe(teller)

    // The platform URL is the admin's: read-only on screen, and refused by the core if sent anyway.
    await app.open('/settings')
    await expect(page.getByTestId('setting-baseUrl')).toBeDisabled()
    await expect(page.locator('[data-path="platform.baseUrl"] [data-testid="setting-admin-only"]')).toHaveText('仅管理员可修改')
    const refused = await page.evaluate(() =>
      (window as unknown as { kyc: { invoke: (c: string, r: unknown) => Promise<unknown> } }).kyc.invoke('settings:update', { platform: { baseUrl: 'https://evil.example.com' } }),
    )
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: { key: 'session.adminOnly' } } })
    expect(app.core.settings.get().platform.baseUrl).toBe('')

    // The admin (as IT, from the command line on this PC) disables the teller: their session ends.
    const disabled = await runCli(['operators', 'disable', '--name', teller, '--data', join(app.dataDir, 'app'), '--key-file', join(app.dataDir, 'kek')])
    expect(disabled.code, disabled.out).toBe(0)
    await page.getByRole('link', { name: '申请队列' }).first().click()
    await expect(page.getByTestId('sign-in')).toBeVisible()
    await page.locator('#sign-in-operator').click({ force: true })
    await expect(page.getByRole('option', { name: teller })).toHaveCount(0)
    await expect(page.getByRole('option', { name: demoOperator.name })).toBeVisible()
    const events = app.core.store.events.listAfter(0, 1000).map((e) => [e.type, e.details['reason'] ?? null])
    expect(events).toContainEqual(['locked', 'disabled'])
  })
})
