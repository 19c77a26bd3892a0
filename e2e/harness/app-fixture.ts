import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { startSandbox, type RunningSandbox } from '../../sandbox/index'
import { channelNames, eventNames } from '../../shared/contract/names'
import { createCore, type Core } from '../../electron/core/app/create-core'
import { dispatch } from '../../electron/core/ipc/dispatch'
import { originSenderPolicy } from '../../electron/core/ipc/sender-policy'
import { KeyFileProvider } from '../../electron/core/vault/key-file-provider'
import { forwardEvents } from '../../electron/main/forward-events'
import { installBridgeShim } from './bridge-shim'
import { serveStatic, type StaticServer } from './serve-static'

export interface AppHarness {
  readonly page: Page
  readonly core: Core
  readonly sandbox: RunningSandbox
  readonly origin: string
  readonly dataDir: string
  /** Opens a route of the app (hash path, e.g. `/queue`). */
  open(route?: string): Promise<void>
  /** What the batch import's open dialogs answer (null: the operator cancels); set it before choosing. */
  readonly importDialog: { manifest: string | null; images: string | null }
  /** Pages the core opened through its WindowPort (the liveness verify window at the counter). */
  readonly verifyPages: Page[]
  /** Paths the core's save dialog answered with (a temp folder here), newest last. */
  readonly savedFiles: string[]
  /** Stops the sandbox (platform and OSS) as if the branch lost its line. */
  stopSandbox(): Promise<void>
  /** Starts it again on the same ports with the same data; `sandbox` is the new one from then on. */
  restartSandbox(): Promise<RunningSandbox>
}

const rendererRoot = join(import.meta.dirname, '../../out/renderer')

/**
 * The app as the operator sees it, without Electron: the built renderer served over http in
 * Chromium, `window.kyc` bound to the very dispatch and handler table main registers with
 * ipcMain.handle, over a real core (SQLite, vault, ali-oss) and a real sandbox, in a fresh folder.
 */
export const demoOperator = { name: '培训员 Lin', pin: '246810' } as const

export const test = base.extend<{ app: AppHarness; signIn: boolean }>({
  /** Sign the demo operator in before the page opens (most tests); false shows the first-run screen. */
  signIn: [true, { option: true }],
  app: async ({ page, signIn }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kyc-e2e-'))
    let server: StaticServer | null = null
    let core: Core | null = null
    const sandbox = await startSandbox({ dataDir: join(dataDir, 'sandbox'), apiPort: 0, ossPort: 0 })
    const importDialog: AppHarness['importDialog'] = { manifest: null, images: null }
    let currentSandbox: RunningSandbox = sandbox
    const verifyPages: Page[] = []
    const savedFiles: string[] = []
    try {
      core = await createCore({
        dataDir: join(dataDir, 'app'),
        appVersion: '0.0.0-e2e',
        keyProvider: new KeyFileProvider({ file: join(dataDir, 'kek') }),
        training: sandbox,
        importDialogs: { chooseManifest: async () => importDialog.manifest, chooseFolder: async () => importDialog.images },
        windows: {
          openVerifyWindow: async (url) => {
            const verify = await page.context().newPage()
            await verify.goto(url)
            verifyPages.push(verify)
          },
        },
        dialogs: {
          chooseSavePath: async ({ defaultName }) => {
            const path = join(dataDir, defaultName)
            savedFiles.push(path)
            return path
          },
        },
      })
      server = await serveStatic(rendererRoot)
      const running = core
      if (signIn) await running.operators.create(demoOperator.name, demoOperator.pin)
      const policy = originSenderPolicy([server.origin])
      await page.exposeBinding('__kycInvoke', (source, channel: string, request: unknown) =>
        dispatch(running.handlers, channel, request, source.frame.url(), policy, running.log),
      )
      await page.addInitScript(installBridgeShim, { channels: [...channelNames], events: [...eventNames] })
      const stopEvents = forwardEvents(running.events, (channel, payload) => {
        page.evaluate(([c, p]) => (window as unknown as { __kycDeliver?: (c: string, p: unknown) => void }).__kycDeliver?.(c, p), [channel, payload] as const).catch(() => undefined)
      })
      const origin = server.origin
      await use({
        page,
        core: running,
        get sandbox() {
          return currentSandbox
        },
        origin,
        dataDir,
        open: async (route = '/') => {
          await page.goto(`${origin}/index.html#${route}`)
        },
        importDialog,
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
      stopEvents()
    } finally {
      await server?.close()
      await core?.close()
      await currentSandbox.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
})

export { expect } from '@playwright/test'
