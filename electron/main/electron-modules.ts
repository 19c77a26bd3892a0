import type {
  BrowserWindowConstructorOptions,
  CustomScheme,
  MenuItemConstructorOptions,
  OpenDialogOptions,
  OpenDialogReturnValue,
  PrintToPDFOptions,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContentsPrintOptions,
} from 'electron'

/**
 * The part of Electron that main's start-up uses, as narrow interfaces. index.ts passes the real
 * module (so tsc checks electron.d.ts against these), the wiring test passes typed fakes.
 */

/** What a navigation or a webview attach hands its listeners: it can be cancelled. */
export interface Preventable {
  preventDefault(): void
}

export interface NavigationEvent extends Preventable {
  readonly url: string
}

export interface GuardedWebContents {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown
}

export interface MainWebContents extends GuardedWebContents {
  send(channel: string, ...args: unknown[]): void
  /** The page's URL now, hash included (the print view's route). */
  getURL(): string
  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void
  printToPDF(options: PrintToPDFOptions): Promise<Buffer>
}

export interface MainBrowserWindow {
  readonly webContents: MainWebContents
  show(): void
  focus(): void
  isDestroyed(): boolean
  once(event: 'ready-to-show', listener: () => void): unknown
  on(event: 'closed', listener: () => void): unknown
  loadURL(url: string): Promise<void>
}

export interface MainBrowserWindowClass {
  new (options: BrowserWindowConstructorOptions): MainBrowserWindow
  getAllWindows(): MainBrowserWindow[]
  getFocusedWindow(): MainBrowserWindow | null
}

export interface MainApp {
  readonly isPackaged: boolean
  whenReady(): Promise<void>
  getPath(name: 'userData' | 'documents'): string
  getVersion(): string
  /** The system's UI language, e.g. `zh-CN`. */
  getLocale(): string
  getAppPath(): string
  requestSingleInstanceLock(): boolean
  quit(): void
  on(event: 'window-all-closed', listener: () => void): unknown
  on(event: 'will-quit', listener: (event: Preventable) => void): unknown
  on(event: 'second-instance', listener: () => void): unknown
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedWebContents) => void): unknown
}

/** A permission request's details, as far as the decision reads them. */
export interface PermissionRequestDetails {
  readonly requestingUrl: string
  readonly mediaTypes?: readonly string[]
}

export interface PermissionCheckDetails {
  readonly mediaType?: string
}



export interface MainSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void): void
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean): void
  on(event: 'will-download', listener: (event: Preventable) => void): unknown
  clearStorageData(): Promise<void>
  /** The operating system's proxy for a URL, as a PAC answer (`PROXY host:port; DIRECT`). */
  resolveProxy(url: string): Promise<string>
}

export interface MainSessionModule {
  readonly defaultSession: MainSession
  fromPartition(partition: string): MainSession
}

export interface MainProtocol {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void
}

export interface MainIpc {
  handle(channel: string, listener: (event: { readonly senderFrame: SenderFrame | null }, request: unknown) => unknown): void
  removeHandler(channel: string): void
}

/** The frame a renderer call came from: its URL, and its parent (null for a top-level frame). */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

export interface DialogParent {
  isDestroyed(): boolean
}

export interface MainDialog {
  showErrorBox(title: string, content: string): void
  showOpenDialog(window: DialogParent, options: OpenDialogOptions): Promise<OpenDialogReturnValue>
  showSaveDialog(window: DialogParent, options: SaveDialogOptions): Promise<SaveDialogReturnValue>
}

export interface MainSafeStorage {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  getSelectedStorageBackend(): string
}

export interface MainElectron {
  readonly app: MainApp
  readonly BrowserWindow: MainBrowserWindowClass
  readonly ipcMain: MainIpc
  readonly protocol: MainProtocol
  readonly session: MainSessionModule
  readonly dialog: MainDialog
  readonly safeStorage: MainSafeStorage
  readonly net: { isOnline(): boolean }
  readonly Menu: MainMenu
}

/** A built menu, handed back to Electron as it came. */
export type MenuHandle = object

export interface MainMenu {
  buildFromTemplate(template: MenuItemConstructorOptions[]): MenuHandle
  setApplicationMenu(menu: MenuHandle | null): void
}
