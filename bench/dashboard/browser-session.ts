import { chromium, type Browser, type Page } from '@playwright/test'
import { join } from 'node:path'
import { chromiumArgs, findChromium } from '../../e2e/harness/chromium'
import type { Core } from '../../electron/core/app/create-core'
import { BrowserActions } from '../../electron/serve/browser-actions'
import { startBrowserServer } from '../../electron/serve/server'
import { installPageProbe } from './page-probe'

export const rendererRoot = join(import.meta.dirname, '..', '..', 'out', 'renderer')

export interface BrowserSession {
  readonly page: Page
  open(route: string): Promise<void>
  close(): Promise<void>
}

/**
 * Browser mode's server over the benchmark's core, opened in Debian's Chromium through its
 * printed URL, plus the benchmark's frame probe.
 */
export async function openBrowserSession(core: Core, minRows: number): Promise<BrowserSession> {
  const actions = new BrowserActions()
  const server = await startBrowserServer({ core, actions, rendererRoot, host: '127.0.0.1', port: 0 })
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs(), headless: true })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  // tsx (esbuild with keepNames) wraps named functions in `__name(fn, "name")`; the functions
  // serialised into the page below carry those calls, so the page needs the helper too.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  await page.addInitScript(installPageProbe, minRows)
  await page.goto(server.url)
  return {
    page,
    open: async (route) => {
      await page.goto(`${server.origin}/index.html#${route}`)
    },
    close: async () => {
      await browser.close()
      await server.close()
    },
  }
}
