import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { SaveDialogOptions } from 'electron'
import { afterEach, describe, expect, it } from 'vitest'
import { eventChannel } from '../../shared/contract/names'
import type { Core } from '../core/app/create-core'
import { electronSqliteBindingPath } from './native-binding'
import { startMain, type MainBuild } from './start-main'
import { createFakeElectron, FakeEvent, type FakeElectron } from './test-support/fake-electron'

// The values production uses: Electron 45, the app:// origin, out/main beside out/preload and out/renderer.
const electronVersion = '45.5.0'
const appPage = 'app://kyc-desk/index.html'
const production: MainBuild = { devTools: false }
const repoRoot = join(import.meta.dirname, '../..')
// The tests run under Node, so the Node build of better-sqlite3 stands where Electron's would.
const nodeSqlite = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node')

interface Layout {
  readonly root: string
  readonly appPath: string
  readonly resourcesPath: string
  readonly mainDir: string
}

/** An app folder as `npm start` (unpackaged) or an installer (packaged) lays it out. */
function makeLayout(packaged: boolean): Layout {
  const root = mkdtempSync(join(tmpdir(), 'kyc-main-'))
  const appPath = packaged ? join(root, 'resources', 'app.asar') : join(root, 'app')
  const resourcesPath = join(root, 'resources')
  const mainDir = join(appPath, 'out', 'main')
  mkdirSync(join(appPath, 'out', 'renderer', 'assets'), { recursive: true })
  mkdirSync(mainDir, { recursive: true })
  writeFileSync(join(appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>kyc-desk</title><script type="module" src="./assets/index.js"></script>')
  writeFileSync(join(appPath, 'out', 'renderer', 'assets', 'index.js'), 'export {}')
  writeFileSync(join(root, 'secret.txt'), 'not for the renderer')
  const binding = electronSqliteBindingPath(packaged ? { packaged, resourcesPath } : { packaged, appRoot: appPath, electronVersion })
  mkdirSync(dirname(binding), { recursive: true })
  copyFileSync(nodeSqlite, binding)
  cpSync(join(repoRoot, 'resources', 'example-import'), join(packaged ? resourcesPath : join(appPath, 'resources'), 'example-import'), { recursive: true })
  return { root, appPath, resourcesPath, mainDir }
}

const running: { core: Core; fake: FakeElectron }[] = []
const folders: string[] = []

interface BootOptions {
  readonly packaged?: boolean
  readonly build?: MainBuild
  readonly singleInstance?: boolean
  readonly keyringBackend?: string
  readonly keyFile?: string
  /** Start again on the folders of an earlier boot (a restart of the app). */
  readonly layout?: Layout
}

async function boot(options: BootOptions = {}) {
  const layout = options.layout ?? makeLayout(options.packaged ?? false)
  if (!options.layout) folders.push(layout.root)
  const fake = createFakeElectron({
    isPackaged: options.packaged ?? false,
    appPath: layout.appPath,
    userData: join(layout.root, 'userData'),
    documents: join(layout.root, 'Documents'),
    ...(options.singleInstance === undefined ? {} : { singleInstance: options.singleInstance }),
    ...(options.keyringBackend === undefined ? {} : { keyringBackend: options.keyringBackend }),
  })
  const main = startMain(fake.electron, options.build ?? production, {
    platform: 'linux',
    electronVersion,
    resourcesPath: layout.resourcesPath,
    mainDir: layout.mainDir,
    pid: 4242,
    keyFile: options.keyFile ?? null,
  })
  const core = await main.started
  if (core) running.push({ core, fake })
  return { fake, core, layout }
}

/** A renderer call as ipcMain delivers it, from a top-level frame at `url`. */
async function call(fake: FakeElectron, channel: string, request: unknown, url = appPage, parent: unknown = null): Promise<unknown> {
  const handler = fake.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler({ senderFrame: { url, parent } }, request)
}

afterEach(async () => {
  for (const { core } of running.splice(0)) await core.close().catch(() => undefined)
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

describe("main's start-up, with fake Electron modules and a real core", () => {
  it('registers app:// as a privileged scheme and removes the default menu', async () => {
    const { fake } = await boot()
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])
    expect(fake.menus).toEqual([null])
  })

  it('creates the main window hardened, without DevTools, and loads app://kyc-desk/index.html', async () => {
    const { fake, layout } = await boot()
    expect(fake.windows).toHaveLength(1)
    const [window] = fake.windows
    const prefs = window?.options.webPreferences ?? {}
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false })
    expect(prefs.preload).toBe(join(layout.appPath, 'out', 'preload', 'index.cjs'))
    expect(window?.loadedUrl).toBe(appPage)
    window?.listeners.emit('ready-to-show')
    expect(window?.shown).toBe(true)
  })

  it('lets the renderer at app://kyc-desk create the first operator and sign in through a real core', async () => {
    const { fake } = await boot()
    expect(await call(fake, 'operators:status', {})).toMatchObject({ ok: true, value: { setupRequired: true, signedIn: null } })
    const created = await call(fake, 'operators:create', { name: '林晓', pin: '246810' })
    expect(created).toMatchObject({ ok: true, value: { setupRequired: false, signedIn: { name: '林晓' } } })
    // A channel that needs a signed-in operator now answers too.
    expect(await call(fake, 'applicants:counts', {})).toMatchObject({ ok: true })
  })

  it('gives the core the session\'s proxy lookup for the "system" proxy setting', async () => {
    const { fake } = await boot()
    // Port 9 (discard) on this machine: nothing listens, so the proxy cannot be reached.
    fake.defaultSession.proxyAnswer = 'PROXY 127.0.0.1:9; DIRECT'
    await call(fake, 'operators:create', { name: '林晓', pin: '246810' })
    const tested = await call(fake, 'settings:test-connection', { patch: { platform: { baseUrl: 'https://kyc.bank.example' }, oss: { endpoint: 'https://oss.bank.example' } } })
    expect(tested).toMatchObject({
      ok: true,
      value: { platform: { ok: false, stage: 'proxy', finding: 'network', failure: { code: 'PROXY_UNREACHABLE', proxy: expect.stringContaining('http://127.0.0.1:9') } } },
    })
    expect(fake.defaultSession.proxyLookups).toContain('https://kyc.bank.example/')
  })

  it('refuses a call from another origin, a look-alike app host and a subframe', async () => {
    const { fake } = await boot()
    for (const [url, parent] of [
      ['https://evil.example/', null],
      ['app://kyc-desk.evil/index.html', null],
      ['http://127.0.0.1:48700/verify/abc', null],
      [appPage, { url: appPage }],
    ] as const) {
      expect(await call(fake, 'operators:status', {}, url, parent), url).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) })
    }
  })

  it('serves the built renderer over app:// with the CSP and nosniff on the response, and refuses traversal', async () => {
    const { fake } = await boot()
    const handler = fake.protocolHandlers.get('app')
    if (!handler) throw new Error('app:// is not handled')
    const page = await handler(new Request(appPage))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await page.text()).toContain('<title>kyc-desk</title>')
    expect((await handler(new Request('app://kyc-desk/assets/index.js'))).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    for (const url of ['app://kyc-desk/..%2F..%2F..%2Fsecret.txt', 'app://kyc-desk/%2e%2e/%2e%2e/%2e%2e/secret.txt', 'app://other/index.html', 'app://kyc-desk/missing.html']) {
      const refused = await handler(new Request(url))
      expect(refused.status, url).toBe(404)
      expect(await refused.text()).not.toContain('not for the renderer')
    }
  })

  it('grants the camera only to the app and refuses downloads in the main session', async () => {
    const { fake } = await boot()
    expect(fake.defaultSession.request('media', { requestingUrl: appPage, mediaTypes: ['video'] })).toBe(true)
    expect(fake.defaultSession.request('media', { requestingUrl: 'https://evil.example/', mediaTypes: ['video'] })).toBe(false)
    expect(fake.defaultSession.request('geolocation', { requestingUrl: appPage })).toBe(false)
    expect(fake.defaultSession.download()).toBe(false)
  })

  it('guards the main window: no window.open, and navigation only within app://kyc-desk', async () => {
    const { fake } = await boot()
    const contents = fake.windows[0]?.webContents
    expect(contents?.windowOpenHandler?.()).toEqual({ action: 'deny' })
    expect(contents?.tryNavigate('will-navigate', `${appPage}#/queue`)).toBe(true)
    expect(contents?.tryNavigate('will-navigate', 'https://evil.example/')).toBe(false)
    expect(contents?.tryNavigate('will-redirect', 'file:///etc/passwd')).toBe(false)
  })

  it('forwards core events to the window', async () => {
    const { fake, core } = await boot()
    core?.events.emit('operators:locked', { reason: 'idle' })
    expect(fake.windows[0]?.webContents.sent).toContainEqual({ channel: eventChannel('operators:locked'), payload: { reason: 'idle' } })
  })

  it('closes the core before quitting: the quit is held once, then repeated', async () => {
    const { fake, core } = await boot()
    const quit = new FakeEvent()
    fake.app.listeners.emit('will-quit', quit)
    expect(quit.prevented).toBe(true)
    await expect.poll(() => fake.app.quits).toBe(1)
    expect(() => core?.store.applicants.countsByStatus()).toThrow()
    const again = new FakeEvent()
    fake.app.listeners.emit('will-quit', again)
    expect(again.prevented).toBe(false)
    running.splice(0)
  })

  it('focuses the window when a second instance starts, and a second instance itself quits', async () => {
    const { fake } = await boot()
    fake.app.listeners.emit('second-instance')
    expect(fake.windows[0]?.focused).toBe(1)
    const second = await boot({ singleInstance: false })
    expect(second.core).toBeNull()
    expect(second.fake.app.quits).toBe(1)
    expect(second.fake.windows).toHaveLength(0)
  })

  it('loads the packaged app’s own better-sqlite3 from resources/app.asar.unpacked', async () => {
    const { fake, core } = await boot({ packaged: true })
    expect(core).not.toBeNull()
    expect(fake.windows[0]?.loadedUrl).toBe(appPage)
    expect(await call(fake, 'operators:status', {})).toMatchObject({ ok: true })
  })

  it('says what is missing and quits when the database module is not there', async () => {
    const layout = makeLayout(false)
    folders.push(layout.root)
    rmSync(join(layout.appPath, '.electron-runtime'), { recursive: true })
    const fake = createFakeElectron({ isPackaged: false, appPath: layout.appPath, userData: join(layout.root, 'u'), documents: layout.root })
    const started = await startMain(fake.electron, production, { platform: 'linux', electronVersion, resourcesPath: layout.resourcesPath, mainDir: layout.mainDir, pid: 1, keyFile: null }).started
    expect(started).toBeNull()
    expect(fake.errorBoxes[0]?.content).toContain('npm run install:electron-runtime')
    expect(fake.app.quits).toBe(1)
    expect(fake.windows).toHaveLength(0)
  })

  it('uses the dev server and DevTools only in a development build', async () => {
    const dev = await boot({ build: { devServerUrl: 'http://localhost:5173/', devTools: true } })
    expect(dev.fake.windows[0]?.loadedUrl).toBe('http://localhost:5173/')
    expect(dev.fake.windows[0]?.options.webPreferences?.devTools).toBe(true)
    expect(await call(dev.fake, 'operators:status', {}, 'http://localhost:5173/')).toMatchObject({ ok: true })
    expect(await call(dev.fake, 'operators:status', {}, appPage)).toMatchObject({ ok: false })
  })
})

describe("the customer's receipt and consent form, printed by main", () => {
  it('prints or saves only the print view on screen, for a signed-in operator, audited without personal data', async () => {
    const { fake, core, layout } = await boot({ packaged: true })
    const window = fake.windows[0]
    if (!window || !core) throw new Error('main did not start')
    const someone = { id: '0f3c9a7e-5b1d-4c2a-9e8f-1a2b3c4d5e6f', document: 'receipt', output: 'printer' }
    expect(await call(fake, 'print:document', someone)).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    await call(fake, 'operators:create', { name: '林晓', pin: '246810' })
    expect(await call(fake, 'training:add-demo-applicants', { count: 1 })).toMatchObject({ ok: true })
    const [applicant] = core.store.applicants.list({ offset: 0, limit: 1 }).items
    if (!applicant) throw new Error('no demo applicant')
    const request = { id: applicant.id, document: 'receipt', output: 'printer' } as const

    // The queue is on screen, not the receipt: nothing is printed.
    window.webContents.url = `${appPage}#/queue`
    expect(await call(fake, 'print:document', request)).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'print.viewNotShown' } } })
    expect(window.webContents.printed).toEqual([])

    window.webContents.url = `${appPage}#/applicants/${applicant.id}/receipt`
    expect(await call(fake, 'print:document', request)).toEqual({ ok: true, value: { outcome: 'printed', location: null } })
    expect(window.webContents.printed).toEqual([{ kind: 'print', url: window.webContents.url, options: { silent: false, printBackground: true, pageSize: 'A4' } }])
    window.webContents.printAnswer = { success: false, failureReason: 'cancelled' }
    expect(await call(fake, 'print:document', request)).toEqual({ ok: true, value: { outcome: 'cancelled', location: null } })

    // Saved as a PDF where the operator chose, from Documents with the reference as its name, 0600.
    const chosen = join(layout.root, 'Documents', 'receipt.pdf')
    mkdirSync(dirname(chosen), { recursive: true })
    const asked: SaveDialogOptions[] = []
    fake.electron.dialog.showSaveDialog = (_parent, options) => {
      asked.push(options)
      return Promise.resolve({ canceled: false, filePath: chosen })
    }
    const saved = await call(fake, 'print:document', { ...request, output: 'pdf' })
    expect(saved).toEqual({ ok: true, value: { outcome: 'saved', location: chosen } })
    expect(asked[0]?.defaultPath).toBe(join(layout.root, 'Documents', `kyc-desk-receipt-${applicant.reference}.pdf`))
    expect(readFileSync(chosen, 'utf8')).toBe(`%PDF-1.7 fake of ${window.webContents.url}`)
    expect(statSync(chosen).mode & 0o777).toBe(0o600)

    const printed = core.store.events.listForApplicant(applicant.id).filter((e) => e.type === 'receipt-printed')
    expect(printed.map((e) => e.details)).toEqual([
      { output: 'printer', outcome: 'printed' },
      { output: 'pdf', outcome: 'saved' },
    ])
    expect(JSON.stringify(printed)).not.toContain(chosen)
  })
})

describe('finding 5: live data needs a protected data key', () => {
  const live = { platform: { baseUrl: 'https://api.example.com' } }

  async function signedIn(fake: FakeElectron): Promise<void> {
    expect(await call(fake, 'operators:create', { name: '林晓', pin: '246810' })).toMatchObject({ ok: true })
  }

  it('lets training mode run on a keyring-less Linux, with the warning shown', async () => {
    const { fake } = await boot({ keyringBackend: 'basic_text' })
    expect(await call(fake, 'app:info', {})).toMatchObject({ ok: true, value: { keyProtection: { kind: 'safe-storage', secure: false, warning: { key: 'vault.noKeyring', params: { backend: 'basic_text' } } } } })
  })

  it('refuses to point the app at a live platform while the key is protected only by a fixed password', async () => {
    const { fake, core } = await boot({ keyringBackend: 'basic_text' })
    await signedIn(fake)
    const refused = await call(fake, 'settings:update', live)
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('KYC_DESK_KEY_FILE') }) })
    expect(core?.settings.get().platform.baseUrl).toBe('')
  })

  it('refuses to open live data at start-up on a PC that lost its keyring, saying what IT must do', async () => {
    const first = await boot()
    first.core?.settings.update(live)
    await first.core?.close()
    running.splice(0)
    const again = await boot({ layout: first.layout, keyringBackend: 'basic_text' })
    expect(again.core).toBeNull()
    expect(again.fake.errorBoxes[0]?.content).toContain('系统密钥环')
    expect(again.fake.errorBoxes[0]?.content).toContain('KYC_DESK_KEY_FILE')
    expect(again.fake.windows).toHaveLength(0)
    expect(again.fake.app.quits).toBe(1)
  })

  it('opens live data under a key file IT configured, keyring or not', async () => {
    const layout = makeLayout(false)
    folders.push(layout.root)
    const keyFile = join(layout.root, 'it', 'kyc-desk.key')
    mkdirSync(dirname(keyFile), { recursive: true })
    const first = await boot({ layout, keyringBackend: 'basic_text', keyFile })
    await signedIn(first.fake)
    // The key passes the live-data guard: what still stands is training mode's own checklist (leave-training.test.ts).
    expect(await call(first.fake, 'settings:update', live)).toMatchObject({ ok: false, error: { reason: { key: 'training.leaveIncomplete', params: { missing: 'connection-test' } } } })
    expect(await call(first.fake, 'app:info', {})).toMatchObject({ ok: true, value: { keyProtection: { kind: 'key-file', secure: true } } })
  })
})

describe('finding 4: the training sandbox keeps nothing in plaintext under userData', () => {
  it('starts its sandbox in a temporary folder and removes the old plaintext one', async () => {
    const layout = makeLayout(false)
    folders.push(layout.root)
    const old = join(layout.root, 'userData', 'training-sandbox')
    mkdirSync(old, { recursive: true })
    writeFileSync(join(old, 'sandbox.sqlite'), 'old plaintext identities')
    const { fake, core } = await boot({ layout })
    expect(core).not.toBeNull()
    expect(existsSync(old)).toBe(false)
    expect(await call(fake, 'app:info', {})).toMatchObject({ ok: true, value: { trainingMode: true } })
    await core?.close()
    running.splice(0)
    expect(readdirSync(join(layout.root, 'userData')).filter((name) => name.includes('sandbox'))).toEqual([])
  })
})
