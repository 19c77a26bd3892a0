import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContentsPrintOptions,
} from 'electron'
import type {
  GuardedWebContents,
  MainApp,
  MainBrowserWindow,
  MainDialog,
  MainElectron,
  MainIpc,
  MainProtocol,
  MainSafeStorage,
  MainSession,
  MainSessionModule,
  MainWebContents,
  PermissionCheckDetails,
  PermissionRequestDetails,
  Preventable,
} from '../electron-modules'

type Listener = (...args: never[]) => void

/** Listeners by event name; `emit` calls them with the arguments Electron would pass. */
class Listeners {
  readonly #byEvent = new Map<string, Listener[]>()
  add(event: string, listener: Listener): void {
    this.#byEvent.set(event, [...(this.#byEvent.get(event) ?? []), listener])
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#byEvent.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args)
  }
  count(event: string): number {
    return this.#byEvent.get(event)?.length ?? 0
  }
}

/** An event a listener may cancel, as Electron's are. */
export class FakeEvent implements Preventable {
  prevented = false
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.prevented = true
  }
}

export class FakeWebContents implements MainWebContents {
  readonly listeners = new Listeners()
  readonly sent: { channel: string; payload: unknown }[] = []
  windowOpenHandler: (() => { action: 'deny' }) | null = null
  setWindowOpenHandler(handler: () => { action: 'deny' }): void {
    this.windowOpenHandler = handler
  }
  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener)
    return this
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload })
  }
  url = ''
  /** What the print dialog answers (Electron's callback arguments); a PDF's bytes. */
  printAnswer: { success: boolean; failureReason: string } = { success: true, failureReason: '' }
  readonly printed: { kind: 'print' | 'pdf'; url: string; options: unknown }[] = []
  getURL(): string {
    return this.url
  }
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    this.printed.push({ kind: 'print', url: this.url, options })
    callback(this.printAnswer.success, this.printAnswer.failureReason)
  }
  async printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    this.printed.push({ kind: 'pdf', url: this.url, options })
    return Buffer.from(`%PDF-1.7 fake of ${this.url}`)
  }
  /** Emits a navigation-like event and says whether a guard cancelled it. */
  tryNavigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const e = new FakeEvent(url)
    if (event === 'will-frame-navigate') this.listeners.emit(event, e)
    else this.listeners.emit(event, e, url)
    return !e.prevented
  }
}

export class FakeSession implements MainSession {
  requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void) | null = null
  checkHandler: ((contents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean) | null = null
  readonly listeners = new Listeners()
  cleared = 0
  setPermissionRequestHandler(handler: NonNullable<FakeSession['requestHandler']>): void {
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['checkHandler']>): void {
    this.checkHandler = handler
  }
  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener)
    return this
  }
  async clearStorageData(): Promise<void> {
    this.cleared += 1
  }
  /** What the operating system's proxy lookup answers, and the URLs it was asked about. */
  proxyAnswer = 'DIRECT'
  readonly proxyLookups: string[] = []
  async resolveProxy(url: string): Promise<string> {
    this.proxyLookups.push(url)
    return this.proxyAnswer
  }
  /** What the request handler answers for a permission. */
  request(permission: string, details: PermissionRequestDetails): boolean {
    let granted: boolean | null = null
    this.requestHandler?.({}, permission, (g) => (granted = g), details)
    return granted === true
  }
  /** Whether a download would go ahead. */
  download(): boolean {
    const e = new FakeEvent()
    this.listeners.emit('will-download', e)
    return !e.prevented
  }
}

export interface FakeAppOptions {
  readonly isPackaged: boolean
  readonly appPath: string
  readonly userData: string
  readonly documents: string
  readonly singleInstance?: boolean
  /** What safeStorage reports on Linux: a real keyring, or `basic_text` (a fixed password). */
  readonly keyringBackend?: string
}

export class FakeApp implements MainApp {
  readonly listeners = new Listeners()
  quits = 0
  constructor(readonly options: FakeAppOptions) {}
  get isPackaged(): boolean {
    return this.options.isPackaged
  }
  whenReady(): Promise<void> {
    return Promise.resolve()
  }
  getPath(name: 'userData' | 'documents'): string {
    return name === 'userData' ? this.options.userData : this.options.documents
  }
  getVersion(): string {
    return '0.1.0'
  }
  getLocale(): string {
    return 'zh-CN'
  }
  getAppPath(): string {
    return this.options.appPath
  }
  requestSingleInstanceLock(): boolean {
    return this.options.singleInstance ?? true
  }
  quit(): void {
    this.quits += 1
  }
  on(event: string, listener: Listener): this {
    this.listeners.add(event, listener)
    return this
  }
}

/** All of main's Electron, faked, with what it was asked to do kept for the test to read. */
export function createFakeElectron(appOptions: FakeAppOptions) {
  const app = new FakeApp(appOptions)
  const windows: FakeBrowserWindow[] = []
  const partitions = new Map<string, FakeSession>()
  const defaultSession = new FakeSession()
  const ipcHandlers = new Map<string, Parameters<MainIpc['handle']>[1]>()
  const protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>()
  const privilegedSchemes: CustomScheme[] = []
  const errorBoxes: { title: string; content: string }[] = []
  const menus: (object | null)[] = []

  class FakeBrowserWindow implements MainBrowserWindow {
    readonly webContents = new FakeWebContents()
    readonly listeners = new Listeners()
    loadedUrl: string | null = null
    shown = false
    focused = 0
    destroyed = false
    constructor(readonly options: BrowserWindowConstructorOptions) {
      windows.push(this)
      // Electron creates the web contents with the window, and says so on the app.
      const contents: GuardedWebContents = this.webContents
      app.listeners.emit('web-contents-created', {}, contents)
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows.filter((w) => !w.destroyed)
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return null
    }
    show(): void {
      this.shown = true
    }
    focus(): void {
      this.focused += 1
    }
    isDestroyed(): boolean {
      return this.destroyed
    }
    once(event: string, listener: Listener): this {
      this.listeners.add(event, listener)
      return this
    }
    on(event: string, listener: Listener): this {
      this.listeners.add(event, listener)
      return this
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url
      this.webContents.url = url
    }
  }

  const ipcMain: MainIpc = {
    handle: (channel, listener) => {
      if (ipcHandlers.has(channel)) throw new Error(`registered twice: ${channel}`)
      ipcHandlers.set(channel, listener)
    },
    removeHandler: (channel) => void ipcHandlers.delete(channel),
  }
  const protocol: MainProtocol = {
    registerSchemesAsPrivileged: (schemes) => void privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => void protocolHandlers.set(scheme, handler),
  }
  const session: MainSessionModule = {
    defaultSession,
    fromPartition: (partition) => {
      const ses = partitions.get(partition) ?? new FakeSession()
      partitions.set(partition, ses)
      return ses
    },
  }
  const cancelled = { canceled: true, filePaths: [] } satisfies OpenDialogReturnValue
  const dialog: MainDialog = {
    showErrorBox: (title, content) => void errorBoxes.push({ title, content }),
    showOpenDialog: (_window, _options: OpenDialogOptions) => Promise.resolve(cancelled),
    showSaveDialog: (_window, _options: SaveDialogOptions) => Promise.resolve({ canceled: true, filePath: '' } satisfies SaveDialogReturnValue),
  }
  // A keychain that really round-trips (reversed base64 stands in for the OS's encryption).
  const safeStorage: MainSafeStorage = {
    isEncryptionAvailable: () => true,
    encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (encrypted) => Buffer.from(encrypted).reverse().toString('utf8'),
    getSelectedStorageBackend: () => appOptions.keyringBackend ?? 'gnome_libsecret',
  }
  const electron: MainElectron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    protocol,
    session,
    dialog,
    safeStorage,
    net: { isOnline: () => true },
    Menu: { buildFromTemplate: (template) => ({ template }), setApplicationMenu: (menu) => void menus.push(menu) },
  }
  return { electron, app, windows, partitions, defaultSession, ipcHandlers, protocolHandlers, privilegedSchemes, errorBoxes, menus }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
