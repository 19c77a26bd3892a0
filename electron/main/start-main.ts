import { join } from 'node:path'
import { createCore, type Core } from '../core/app/create-core'
import { originOf } from '../core/ipc/trusted-origin'
import { originSenderPolicy } from '../core/ipc/sender-policy'
import { createLogger } from '../core/log/logger'
import { Redactor } from '../core/log/redact'
import { appOrigin, appScheme, serveAppAsset } from './app-protocol'
import type { MainElectron } from './electron-modules'
import { electronImportDialogs } from './import-dialogs'
import { registerIpc } from './ipc-registration'
import { createMainWindow } from './main-window'
import { findElectronSqliteBinding } from './native-binding'
import { KeyFileProvider } from '../core/vault/key-file-provider'
import { safeStorageKeyProvider } from './safe-storage-key-provider'
import { electronDialogPort } from './save-dialog'
import { electronFileExports } from './file-export'
import { electronPrintPort } from './print-port'
import { grantCameraOnly, refuseDownloads } from './session-policy'
import { applicationMenu } from './application-menu'
import { launchTrainingSandbox } from './training-sandbox'
import { electronWindowPort } from './verify-window'
import { guardEveryWebContents, NavigationAllowlist } from './web-contents-guards'

/** Decided at build time (index.ts): a production build has no dev server and no DevTools. */
export interface MainBuild {
  readonly devServerUrl?: string
  readonly devTools: boolean
}

/** What main reads from its process: where it runs and from which layout. */
export interface MainEnvironment {
  readonly platform: NodeJS.Platform
  readonly electronVersion: string
  /** `process.resourcesPath`: the packaged app's resources folder. */
  readonly resourcesPath: string
  /** The folder of the built main bundle (`out/main`); preload and renderer are its siblings. */
  readonly mainDir: string
  readonly pid: number
  /** A key file IT chose at set-up (KYC_DESK_KEY_FILE), used instead of the OS keychain. */
  readonly keyFile: string | null
}

export interface RunningMain {
  /** The core once the window is up; null when start-up stopped (second instance, or an error shown to the user). */
  readonly started: Promise<Core | null>
}

/**
 * Main's whole start-up: the app scheme, guards on every web contents, the core, the hardened
 * session, the app:// handler, IPC and the window. Takes Electron as a parameter so the wiring
 * test runs this very code with typed fakes.
 */
export function startMain(electron: MainElectron, build: MainBuild, env: MainEnvironment): RunningMain {
  const { app } = electron
  // Must run before `ready`: the app scheme behaves like https (secure, standard, fetchable).
  electron.protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
  const rendererOrigin = (build.devServerUrl ? originOf(build.devServerUrl) : null) ?? appOrigin
  const allowlist = new NavigationAllowlist()
  guardEveryWebContents(app, allowlist)
  let core: Core | null = null
  let closing = false

  app.on('window-all-closed', () => app.quit())
  // Quitting by any route lets the engine commit its steps in hand and stops the training sandbox
  // first: the quit is held once, the core closed, then quit again.
  app.on('will-quit', (event) => {
    if (!core || closing) return
    event.preventDefault()
    closing = true
    const running = core
    core = null
    void running.close().finally(() => app.quit())
  })

  const fail = (message: string): null => {
    electron.dialog.showErrorBox('kyc-desk 无法启动 · kyc-desk cannot start', message)
    app.quit()
    return null
  }

  const start = async (): Promise<Core | null> => {
    if (!app.requestSingleInstanceLock()) {
      app.quit()
      return null
    }
    await app.whenReady()
    electron.Menu.setApplicationMenu(applicationMenu(electron.Menu, env.platform, app.getLocale()))
    const layout = app.isPackaged
      ? ({ packaged: true, resourcesPath: env.resourcesPath } as const)
      : ({ packaged: false, appRoot: app.getAppPath(), electronVersion: env.electronVersion } as const)
    const binding = findElectronSqliteBinding(layout)
    // The Node build in node_modules would crash Electron's ABI: say what to do instead.
    if (!binding.ok) return fail(binding.message)
    const resources = app.isPackaged ? env.resourcesPath : join(app.getAppPath(), 'resources')
    const userData = app.getPath('userData')
    const running = await createCore({
      dataDir: userData,
      appVersion: app.getVersion(),
      keyProvider: env.keyFile ? new KeyFileProvider({ file: env.keyFile }) : safeStorageKeyProvider(electron.safeStorage, env.platform),
      sqliteNativeBinding: binding.path,
      online: { isOnline: () => electron.net.isOnline() },
      // Training mode: the built-in sandbox, started only while no platform is configured.
      training: { launch: () => launchTrainingSandbox({ userData, resources }, createLogger({ redactor: new Redactor() })) },
      windows: electronWindowPort(electron, allowlist, env.pid),
      dialogs: electronDialogPort(electron),
      fileExports: electronFileExports(electron),
      importDialogs: electronImportDialogs(electron),
      printer: electronPrintPort(electron, rendererOrigin),
      // The "system" proxy setting follows the OS (and its PAC script), as Chromium does.
      systemProxy: (url) => electron.session.defaultSession.resolveProxy(url),
    })
    core = running
    const ses = electron.session.defaultSession
    grantCameraOnly(ses, () => [rendererOrigin])
    refuseDownloads(ses)
    electron.protocol.handle(appScheme, (request) => serveAppAsset(request.url, join(env.mainDir, '../renderer')))
    registerIpc(electron.ipcMain, running.handlers, originSenderPolicy([rendererOrigin]), running.log)
    const window = createMainWindow(
      electron.BrowserWindow,
      {
        preloadPath: join(env.mainDir, '../preload/index.cjs'),
        url: build.devServerUrl ?? `${appOrigin}/index.html`,
        origin: rendererOrigin,
        devTools: build.devTools,
      },
      running.events,
      allowlist,
    )
    app.on('second-instance', () => window.focus())
    return running
  }

  // A core that cannot open (key provider, migration, sandbox) must say so, not hang windowless.
  const started = start().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)))
  return { started }
}

