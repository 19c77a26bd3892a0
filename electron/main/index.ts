import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, app, dialog, ipcMain, net, protocol, safeStorage, session } from 'electron'
import { startSandbox } from '../../sandbox/index'
import { createCore, type Core } from '../core/app/create-core'
import { openExampleAccounts } from '../core/app/training-accounts'
import { createLogger } from '../core/log/logger'
import { Redactor } from '../core/log/redact'
import { originSenderPolicy } from '../core/ipc/sender-policy'
import { appOrigin, appScheme, resolveAppAsset } from './app-protocol'
import { contentSecurityPolicy } from './content-security-policy'
import { forwardEvents } from './forward-events'
import { registerIpc } from './ipc-registration'
import { findElectronSqliteBinding } from './native-binding'
import { denyWindowOpen, shouldBlockNavigation } from './navigation-guards'
import { electronImportDialogs } from './import-dialogs'
import { isPermissionGranted } from './permissions'
import { safeStorageKeyProvider } from './safe-storage-key-provider'
import { electronDialogPort } from './save-dialog'
import { electronWindowPort } from './verify-window'
import { mainWindowOptions } from './window-options'

// Must run before `ready`: the app scheme behaves like https (secure, standard, fetchable).
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const rendererOrigin = devServerUrl ? new URL(devServerUrl).origin : appOrigin
let core: Core | null = null

function hardenSession(cameraOrigins: () => readonly string[]): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : []
    callback(isPermissionGranted({ permission, requestingUrl: details.requestingUrl, mediaTypes }, cameraOrigins()))
  })
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, requestingUrl: requestingOrigin, mediaTypes: details.mediaType ? [details.mediaType] : [] }, cameraOrigins()),
  )
  ses.webRequest.onHeadersReceived((details, callback) => {
    const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy(devOrigin ? { devServerOrigin: devOrigin } : {})],
      },
    })
  })
}

function serveRenderer(): void {
  const rendererRoot = join(import.meta.dirname, '../renderer')
  protocol.handle(appScheme, (request) => {
    const file = resolveAppAsset(request.url, rendererRoot)
    if (!file) return new Response('Not found', { status: 404 })
    return net.fetch(pathToFileURL(file).toString())
  })
}

function createMainWindow(running: Core): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), { devTools: !app.isPackaged }))
  window.webContents.setWindowOpenHandler(denyWindowOpen)
  window.webContents.on('will-navigate', (event, url) => {
    if (shouldBlockNavigation(url, rendererOrigin)) event.preventDefault()
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())
  const stopForwarding = forwardEvents(running.events, (channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload)
  })
  window.on('closed', stopForwarding)
  void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`)
  return window
}

/** The built-in sandbox, with the example manifest's customers given accounts so it syncs. */
async function launchTrainingSandbox(): ReturnType<typeof startSandbox> {
  const sandbox = await startSandbox({ dataDir: join(app.getPath('userData'), 'training-sandbox'), apiPort: 0, ossPort: 0 })
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources')
  await openExampleAccounts(sandbox.admin, join(resources, 'example-import', 'manifest.csv'), createLogger({ redactor: new Redactor() }))
  return sandbox
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  await app.whenReady()
  const binding = findElectronSqliteBinding(app.getAppPath(), process.versions.electron)
  if (!binding.ok) {
    // The Node build in node_modules would crash Electron's ABI: say what to do instead.
    dialog.showErrorBox('kyc-desk cannot start', binding.message)
    app.quit()
    return
  }
  const running = await createCore({
    dataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    keyProvider: safeStorageKeyProvider(safeStorage, process.platform),
    sqliteNativeBinding: binding.path,
    online: { isOnline: () => net.isOnline() },
    // Training mode: the built-in sandbox, started only while no platform is configured.
    training: { launch: launchTrainingSandbox },
    windows: electronWindowPort(),
    dialogs: electronDialogPort(),
    importDialogs: electronImportDialogs(),
  })
  core = running
  // The main session grants the camera to the app's own pages only; the verify window has its
  // own session that grants it to the verify page's origin alone (verify-window.ts).
  hardenSession(() => [rendererOrigin])
  serveRenderer()
  registerIpc(ipcMain, running.handlers, originSenderPolicy([rendererOrigin]), running.log)
  createMainWindow(running)
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus())
}

app.on('window-all-closed', () => app.quit())

// Quitting by any route (last window, menu, OS log-off) lets the engine commit its steps in hand
// and stops the training sandbox first: the quit is held once, the core closed, then quit again.
let closing = false
app.on('will-quit', (event) => {
  if (!core || closing) return
  event.preventDefault()
  closing = true
  const running = core
  core = null
  void running.close().finally(() => app.quit())
})

start().catch((error: unknown) => {
  // A core that cannot open (key provider, migration, sandbox) must say so, not hang windowless.
  dialog.showErrorBox('kyc-desk cannot start', error instanceof Error ? error.message : String(error))
  app.quit()
})
