import { chromium, type Browser, type Page } from '@playwright/test'
import { join } from 'node:path'
import { channelNames, eventNames } from '../../shared/contract/names'
import { dispatch } from '../../electron/core/ipc/dispatch'
import { originSenderPolicy } from '../../electron/core/ipc/sender-policy'
import { forwardEvents } from '../../electron/main/forward-events'
import { installBridgeShim } from '../../e2e/harness/bridge-shim'
import { chromiumArgs, findChromium } from '../../e2e/harness/chromium'
import { serveStatic } from '../../e2e/harness/serve-static'
import type { Core } from '../../electron/core/app/create-core'
import { installPageProbe } from './page-probe'

export const rendererRoot = join(import.meta.dirname, '..', '..', 'out', 'renderer')

export interface BrowserSession {
  readonly page: Page
  open(route: string): Promise<void>
  close(): Promise<void>
}

/**
 * The end-to-end harness's pieces put together by hand: the built renderer served over http in
 * Debian's Chromium, `window.kyc` bound to the core's dispatch, core events forwarded to the page,
 * plus the benchmark's frame probe.
 */
export async function openBrowserSession(core: Core, minRows: number): Promise<BrowserSession> {
  const server = await serveStatic(rendererRoot)
  const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs(), headless: true })
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  const policy = originSenderPolicy([server.origin])
  await page.exposeBinding('__kycInvoke', (source, channel: string, request: unknown) =>
    dispatch(core.handlers, channel, request, source.frame.url(), policy, core.log),
  )
  // tsx (esbuild with keepNames) wraps named functions in `__name(fn, "name")`; the functions
  // serialised into the page below carry those calls, so the page needs the helper too.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn' })
  await page.addInitScript(installBridgeShim, { channels: [...channelNames], events: [...eventNames] })
  await page.addInitScript(installPageProbe, minRows)
  const stopEvents = forwardEvents(core.events, (channel, payload) => {
    page.evaluate(([c, p]) => (window as unknown as { __kycDeliver?: (c: string, p: unknown) => void }).__kycDeliver?.(c, p), [channel, payload] as const).catch(() => undefined)
  })
  return {
    page,
    open: async (route) => {
      await page.goto(`${server.origin}/index.html#${route}`)
    },
    close: async () => {
      stopEvents()
      await browser.close()
      await server.close()
    },
  }
}
