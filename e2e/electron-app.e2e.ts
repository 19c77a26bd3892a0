import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test, type Page } from '@playwright/test'
import { electronSkipReason, runnableElectron } from './harness/electron-binary'

const root = join(import.meta.dirname, '..')

const binary = runnableElectron()
const skipReason = `${electronSkipReason}; main is covered by electron/main/start-main.test.ts with fake Electron modules, this runs where Electron is present`
const present = binary !== null

type KycWindow = { kyc: { invoke: (c: string, r: unknown) => Promise<unknown> } }

/** A loopback server that counts requests: a fetch the CSP lets through would show up here. */
async function countingServer(): Promise<{ server: Server; url: string; hits: () => number }> {
  let count = 0
  const server = createServer((_req, res) => {
    count += 1
    res.setHeader('Access-Control-Allow-Origin', '*')
    res.end('reached')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  return { server, url: `http://127.0.0.1:${address.port}/`, hits: () => count }
}

async function firstRun(page: Page): Promise<void> {
  await page.locator('#first-run-name').fill('Lin')
  await page.locator('#first-run-pin').fill('246810')
  await page.locator('#first-run-pin-again').fill('246810')
  await page.locator('#first-run-pin-again').press('Enter')
  await expect(page.getByTestId('signed-in-operator')).toContainText('Lin')
}

test.describe('the desktop app under real Electron (only where the Electron binary is installed)', () => {
  test('first run, sign-in and calls through the real preload from app://kyc-desk, with the CSP in force', async () => {
    if (!present) {
      // Said on the terminal, not only in the report, so a skipped Electron run is never silent.
      console.log(`SKIPPED: ${skipReason}`)
      test.skip(true, skipReason)
    }
    const userData = mkdtempSync(join(tmpdir(), 'kyc-electron-'))
    const outside = await countingServer()
    const app = await electron.launch({ executablePath: binary ?? undefined, args: [root, `--user-data-dir=${userData}`], cwd: root })
    try {
      const page = await app.firstWindow()
      expect(page.url()).toBe('app://kyc-desk/index.html')
      await expect(page.getByTestId('first-run')).toBeVisible()
      await expect(page.getByTestId('training-banner')).toBeVisible()

      // The renderer is a sandboxed page: no Node, and a frozen bridge of exactly the contract.
      const shape = await page.evaluate(() => {
        const w = window as unknown as KycWindow & { require?: unknown; process?: unknown }
        return { require: typeof w.require, process: typeof w.process, frozen: Object.isFrozen(w.kyc), keys: Object.keys(w.kyc).sort() }
      })
      expect(shape).toEqual({ require: 'undefined', process: 'undefined', frozen: true, keys: ['invoke', 'on'] })

      // First run and a sign-in go through the real preload and ipcMain into the core.
      await firstRun(page)
      await page.getByTestId('signed-in-operator').getByRole('button').click()
      await page.locator('#sign-in-pin').fill('246810')
      await page.locator('#sign-in-pin').press('Enter')
      await expect(page.getByTestId('app-version')).toBeVisible()
      const counts = await page.evaluate(() => (window as unknown as KycWindow).kyc.invoke('applicants:counts', {}))
      expect(counts).toMatchObject({ ok: true })

      // The CSP from the app:// handler is in force: another origin is not reached.
      const fetched = await page.evaluate((url) => fetch(url).then(() => 'reached', () => 'blocked'), outside.url)
      expect(fetched).toBe('blocked')
      expect(outside.hits()).toBe(0)

      // window.open and navigation away are refused by main's guards.
      await page.evaluate((url) => window.open(url), outside.url)
      await page.evaluate((url) => (window.location.href = url), outside.url).catch(() => undefined)
      await expect.poll(() => page.url()).toMatch(/^app:\/\/kyc-desk\//)
      expect(app.windows()).toHaveLength(1)
      expect(outside.hits()).toBe(0)
    } finally {
      await app.close()
      outside.server.close()
      rmSync(userData, { recursive: true, force: true })
    }
  })
})
