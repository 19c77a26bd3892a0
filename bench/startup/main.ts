import { _electron as electron, chromium, type Browser } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { chromiumArgs, findChromium } from '../../e2e/harness/chromium'
import { electronSkipReason, runnableElectron } from '../../e2e/harness/electron-binary'
import { ensureAppBuilt } from '../dashboard/build'
import { median, round } from '../lib/stats'
import type { BenchOptions, BenchResult } from '../lib/types'

const root = join(import.meta.dirname, '..', '..')
const readyLine = z.object({ url: z.string().url() })

/**
 * One cold start of browser mode: `kyc-desk serve` in a fresh data folder (training mode, so its
 * built-in sandbox starts too), from spawning the process to the first screen an operator can use
 * (the first-run form, enabled) in a Chromium already running, as the operator's browser is.
 */
async function coldStart(browser: Browser): Promise<{ readyMs: number; interactiveMs: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kyc-bench-start-'))
  const started = performance.now()
  const child = spawn(process.execPath, [join(root, 'bin', 'kyc-desk.mjs'), 'serve', '--no-open', '--data', dataDir], {
    cwd: root,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  try {
    const lines = createInterface({ input: child.stdout })
    let url: string | null = null
    for await (const line of lines) {
      const parsed = readyLine.safeParse(JSON.parse(line))
      if (parsed.success) {
        url = parsed.data.url
        break
      }
    }
    if (url === null) throw new Error('kyc-desk serve exited before it printed its address')
    const readyMs = performance.now() - started
    const page = await browser.newPage()
    try {
      await page.goto(url)
      await page.getByTestId('first-run').locator('input').first().waitFor({ state: 'visible', timeout: 60_000 })
      return { readyMs, interactiveMs: performance.now() - started }
    } finally {
      await page.close()
    }
  } finally {
    child.kill('SIGINT')
    await new Promise((resolve) => child.once('exit', resolve))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * One cold start of the desktop app (the built main, `out/main`), from spawning Electron to its
 * window shown (main shows it at `ready-to-show`), in a fresh user-data folder.
 */
async function desktopStart(binary: string): Promise<number> {
  const userData = mkdtempSync(join(tmpdir(), 'kyc-bench-electron-'))
  const started = performance.now()
  const app = await electron.launch({ executablePath: binary, args: [root, `--user-data-dir=${userData}`], cwd: root })
  try {
    await app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<void>((resolve) => {
          const shown = () => (BrowserWindow.getAllWindows().some((w) => w.isVisible()) ? resolve() : setTimeout(shown, 5))
          shown()
        }),
    )
    return performance.now() - started
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
}

/** Cold start of browser mode to the first interactive screen, and of the desktop app to its window where Electron is installed. */
export async function run({ quick }: BenchOptions): Promise<BenchResult> {
  ensureAppBuilt((line) => process.stderr.write(`${line}\n`))
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs(), headless: true })
  try {
    const runs = []
    for (let i = 0; i < (quick ? 2 : 4); i += 1) runs.push(await coldStart(browser))
    const interactive = runs.map((r) => r.interactiveMs)
    const binary = runnableElectron()
    const desktop: number[] = []
    if (binary === null) process.stderr.write(`startup: the desktop start-up to window shown is not measured: ${electronSkipReason}\n`)
    else for (let i = 0; i < runs.length; i += 1) desktop.push(await desktopStart(binary))
    const desktopNote =
      desktop.length > 0
        ? ` Desktop app (Electron, built main) to its window shown: ${desktop.map((ms) => Math.round(ms)).join(', ')} ms.`
        : ` Desktop app to window shown: not measured (${electronSkipReason}).`
    return {
      name: 'startup',
      metrics: {
        runs: runs.length,
        serveReadyMedianMs: round(median(runs.map((r) => r.readyMs)), 0),
        firstInteractiveMedianMs: round(median(interactive), 0),
        firstInteractiveWorstMs: round(Math.max(...interactive), 0),
        ...(desktop.length > 0 ? { desktopWindowShownMedianMs: round(median(desktop), 0) } : {}),
      },
      target: 'reported: process start to the first interactive screen (browser mode, training sandbox included); desktop start to window shown where Electron is installed',
      ratio: null,
      passed: runs.length > 0,
      notes: `Runs ${interactive.map((ms) => Math.round(ms)).join(', ')} ms to the first-run form; the server printed its address after ${runs.map((r) => Math.round(r.readyMs)).join(', ')} ms (tsx compiles the command line's TypeScript at start; a packaged build does not).${desktopNote}`,
    }
  } finally {
    await browser.close()
  }
}
