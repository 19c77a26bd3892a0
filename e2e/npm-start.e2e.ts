import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { expect, test } from '@playwright/test'
import { documentJpeg } from './harness/documents'

const root = join(import.meta.dirname, '..')

/** `npm start`'s last line, once it names the app's address. */
function addressLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) throw new Error('no stdout')
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (/https?:\/\/\S+$/.test(line)) resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`npm start exited with ${code} before printing an address`)))
  })
}

/**
 * A new user on a machine without a display: `npm start` builds, starts browser mode and ends
 * with a URL; the app there takes the first operator, a demo customer, a sync and the
 * real-person check on the sandbox's verify page, all the way to verified.
 */
test('npm start without a display ends with a URL where the whole job can be done', async ({ page }) => {
  test.setTimeout(480_000)
  const home = mkdtempSync(join(tmpdir(), 'kyc-npm-start-'))
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_DATA_HOME: home, CI: '1' }
  delete env['DISPLAY']
  delete env['WAYLAND_DISPLAY']
  // Its own process group, as a terminal gives it, so Ctrl+C can reach npm start and the server alike.
  const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  try {
    const line = await addressLine(child)
    expect(line).toMatch(/^kyc-desk: no display .*browser.*http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43}$/)
    const url = line.slice(line.lastIndexOf('http'))
    const origin = new URL(url).origin

    await page.goto(url)
    // The token is spent and gone from the address bar.
    expect(page.url()).not.toContain('token')
    expect(page.url().startsWith(`${origin}/`)).toBe(true)
    await expect(page.getByTestId('first-run')).toBeVisible()
    await page.locator('#first-run-name').fill('Lin')
    await page.locator('#first-run-pin').fill('246810')
    await page.locator('#first-run-pin-again').fill('246810')
    await page.locator('#first-run-pin-again').press('Enter')
    await expect(page.getByTestId('signed-in-operator')).toContainText('Lin')

    const files = join(home, 'scans')
    rmSync(files, { recursive: true, force: true })
    const scans = await Promise.all(
      (['front', 'back', 'hand'] as const).map(async (slot) => {
        const path = join(home, `${slot}.jpg`)
        writeFileSync(path, await documentJpeg(slot))
        return [slot, path] as const
      }),
    )
    await page.goto(`${origin}/index.html#/capture`)
    await page.getByTestId('demo-customers').click()
    await page.getByRole('option').first().click()
    await expect(page.getByTestId('masked-token')).toBeVisible()
    await page.locator('#cap-surname').fill('王')
    await page.locator('#cap-given-name').fill('小红')
    await page.locator('#cap-document-number').fill('11010519491231002X')
    await page.locator('#cap-issue-date').fill('2015-03-01')
    await page.locator('#cap-issue-date').press('Tab')
    await page.locator('[data-field="validity"] input[value="long-term"]').check({ force: true })
    for (const [slot, path] of scans) {
      await page.getByTestId(`slot-${slot}-file`).setInputFiles(path)
      await expect(page.getByTestId(`slot-${slot}`).locator('img')).toBeVisible()
    }
    await page.getByTestId('consent').click()
    await page.getByTestId('queue-sync').click()
    await expect(page.getByText(/已加入队列，正在同步：/)).toBeVisible()

    await page.goto(`${origin}/index.html#/queue`)
    const row = page.getByTestId('queue-row').first()
    await expect(row).toHaveAttribute('data-status', 'submitted', { timeout: 60_000 })
    await row.getByTestId('row-link').click()
    const detail = page.getByTestId('applicant-detail')
    await page.getByTestId('liveness-start').click()
    await expect(page.getByTestId('liveness-qr')).toBeVisible()
    const opened = page.context().waitForEvent('page')
    await page.getByTestId('liveness-open-window').click()
    const verify = await opened
    await verify.locator('#pass').click()
    await expect(verify.locator('body')).toContainText(/通过|pass/i)
    await page.getByTestId('liveness-check').click({ timeout: 3_000 }).catch(() => undefined)
    await expect(detail).toHaveAttribute('data-status', 'verified', { timeout: 60_000 })

    // Ctrl+C: the whole group gets SIGINT once; the server closes the core cleanly and npm start ends with it.
    process.kill(-(child.pid ?? 0), 'SIGINT')
    expect(await exited).toBe(0)
    expect(stderr).toContain('kyc-desk serve: closing')
    expect(stderr).toContain('kyc-desk serve: closed')
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-(child.pid ?? 0), 'SIGKILL')
    await exited
    rmSync(home, { recursive: true, force: true })
  }
})
