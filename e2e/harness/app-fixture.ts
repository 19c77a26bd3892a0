import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Locator, type Page } from '@playwright/test'
import { startSandbox, type RunningSandbox } from '../../sandbox/index'
import type { Core } from '../../electron/core/app/create-core'
import { KeyFileProvider } from '../../electron/core/vault/key-file-provider'
import { startBrowserMode, type BrowserMode } from '../../electron/serve/browser-mode'

export interface AppHarness {
  readonly page: Page
  readonly core: Core
  readonly sandbox: RunningSandbox
  readonly origin: string
  readonly dataDir: string
  /** Opens a route of the app (hash path, e.g. `/queue`). */
  open(route?: string): Promise<void>
  /** Clicks a button that opens the page's file picker and chooses these files (or this folder) in it. */
  pickFiles(trigger: Locator, files: string | string[]): Promise<void>
  /** Tabs the app opened (the liveness verify page at the counter). */
  readonly verifyPages: Page[]
  /** Files the browser downloaded (exports), saved under their suggested names, newest last. */
  readonly savedFiles: string[]
  /** Stops the sandbox (platform and OSS) as if the branch lost its line. */
  stopSandbox(): Promise<void>
  /** Starts it again on the same ports with the same data; `sandbox` is the new one from then on. */
  restartSandbox(): Promise<RunningSandbox>
}

const rendererRoot = join(import.meta.dirname, '../../out/renderer')

/**
 * The app as the operator sees it in browser mode: the product's own `kyc-desk serve` server
 * (in-process), opened in Chromium through its printed URL, over a real core (SQLite, vault,
 * ali-oss) and a real sandbox, in a fresh folder.
 */
export const demoOperator = { name: '培训员 Lin', pin: '246810' } as const

export const test = base.extend<{ app: AppHarness; signIn: boolean }>({
  /** Sign the demo operator in before the page opens (most tests); false shows the first-run screen. */
  signIn: [true, { option: true }],
  app: async ({ page, signIn, timezoneId }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kyc-e2e-'))
    let mode: BrowserMode | null = null
    // With the reader emulator, as training mode starts it (issue 20).
    const sandbox = await startSandbox({ dataDir: join(dataDir, 'sandbox'), apiPort: 0, ossPort: 0, idCardReader: true })
    let currentSandbox: RunningSandbox = sandbox
    const verifyPages: Page[] = []
    const savedFiles: string[] = []
    try {
      mode = await startBrowserMode({
        dataDir: join(dataDir, 'app'),
        appVersion: '0.0.0-e2e',
        keyProvider: new KeyFileProvider({ file: join(dataDir, 'kek') }),
        rendererRoot,
        host: '127.0.0.1',
        port: 0,
        training: sandbox,
      })
      const running = mode
      // The counter PC's zone is the branch's: the core here runs in the test runner's zone, so
      // the browser's (playwright.config `timezoneId`, or a test's own) is set as the branch zone.
      if (timezoneId) running.core.settings.update({ timeZone: timezoneId })
      if (signIn) await running.core.operators.create(demoOperator.name, demoOperator.pin)
      page.context().on('page', (opened) => verifyPages.push(opened))
      page.on('download', (download) => {
        const path = join(dataDir, download.suggestedFilename())
        void download.saveAs(path).then(() => savedFiles.push(path))
      })
      // The printed URL, opened once: the token becomes this browser's session cookie.
      await page.goto(running.url)
      await use({
        page,
        core: running.core,
        get sandbox() {
          return currentSandbox
        },
        origin: running.origin,
        dataDir,
        open: async (route = '/') => {
          await page.goto(`${running.origin}/index.html#${route}`)
        },
        pickFiles: async (trigger, files) => {
          const chooser = page.waitForEvent('filechooser')
          await trigger.click()
          await (await chooser).setFiles(files)
        },
        verifyPages,
        savedFiles,
        stopSandbox: () => currentSandbox.close(),
        restartSandbox: async () => {
          await currentSandbox.close()
          currentSandbox = await startSandbox({
            dataDir: join(dataDir, 'sandbox'),
            apiPort: Number(new URL(sandbox.api).port),
            ossPort: Number(new URL(sandbox.oss).port),
          })
          return currentSandbox
        },
      })
    } finally {
      await mode?.close()
      await currentSandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})

export { expect } from '@playwright/test'
