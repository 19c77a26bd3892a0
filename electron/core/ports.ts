import type { ErrorReason } from '../../shared/contract/errors'
import type { PrintDocument, PrintOutput } from '../../shared/domain/receipt'

/**
 * What the core asks of the world around it, in one module: the window and dialogs (Electron
 * main implements them with a BrowserWindow and native dialogs, browser mode with the page's own
 * pickers and downloads, tests with fakes), whether the machine is online, and who guards the
 * data key. The core never imports Electron; these are its only ways out.
 */

export interface WindowPort {
  /**
   * Shows the platform's verify page for the customer at the counter. `allowedOrigins` (the page's
   * own first, from verifyWindowOrigins) are the only origins it may navigate, redirect or frame
   * to, and the only ones granted the camera (ipc/verify-window-origins.ts).
   */
  openVerifyWindow(url: string, allowedOrigins: readonly string[]): Promise<void>
}

export interface SaveFileFilter {
  readonly name: string
  readonly extensions: readonly string[]
}

export interface SaveFileRequest {
  readonly defaultName: string
  readonly filters: readonly SaveFileFilter[]
  /** Made only once the operator has chosen where it goes. */
  readonly contents: () => string
}

/** Where the file went (a path on this PC, or a download's name in browser mode), or cancelled. */
export type SaveFileResult = { readonly saved: true; readonly location: string } | { readonly saved: false }

export interface DialogPort {
  /**
   * Asks the operator where to save a file and puts it there (0600). Browser mode hands it to the
   * tab as a download from memory, so no copy stays on the server's disk. Throws when it cannot
   * be written.
   */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
}

export const noWindows: WindowPort = {
  openVerifyWindow: () => Promise.reject(new Error('no window support in this process')),
}

export const noDialogs: DialogPort = {
  saveFile: () => Promise.resolve({ saved: false }),
}

/** A manifest the operator's browser uploaded: held in memory, never written to disk. */
export interface UploadedManifest {
  readonly kind: 'uploaded-manifest'
  readonly name: string
  readonly bytes: Buffer
}

/** An images folder the browser uploaded: the files by their name relative to the folder, in memory. */
export interface UploadedFolder {
  readonly kind: 'uploaded-folder'
  readonly name: string
  readonly files: ReadonlyMap<string, Buffer>
}

/**
 * The operator's own file and folder dialogs: Electron's give a path on this computer, browser
 * mode's the uploaded files. Null when cancelled.
 */
export interface ImportDialogPort {
  /** True where a manifest is a file on this PC, so its own folder serves when no images folder is chosen. */
  readonly imagesBesideManifest: boolean
  /** A manifest (.csv or .xlsx). */
  chooseManifest(): Promise<string | UploadedManifest | null>
  /** The folder holding the images the manifest names. */
  chooseFolder(): Promise<string | UploadedFolder | null>
}

export const noImportDialogs: ImportDialogPort = {
  imagesBesideManifest: true,
  chooseManifest: () => Promise.resolve(null),
  chooseFolder: () => Promise.resolve(null),
}

/** Whether the platform's network is up, as the operating system sees it (Electron's net module in the app). */
export interface OnlineSignal {
  isOnline(): boolean
  /** Returns an unsubscribe function. */
  onChange?(listener: (online: boolean) => void): () => void
}

/**
 * Wraps and unwraps the data key. The store never sees the key-encryption key itself, so the
 * Electron `safeStorage` adapter (electron/main), a key file and an environment variable plug in
 * the same way. Implementations must fail loudly (throw) rather than return a wrong key.
 */
export interface KeyProvider {
  wrap(key: Buffer): Promise<Buffer>
  unwrap(wrapped: Buffer): Promise<Buffer>
  describe(): KeyProviderDescription
}

export interface KeyProviderDescription {
  /** Short stable name recorded next to the wrapped key, e.g. `key-file`, `env`, `safe-storage`. */
  readonly kind: string
  /** False when the key-encryption key is not really protected (Linux `basic_text` backend). */
  readonly secure: boolean
  /** Why `secure` is false or a weaker guarantee applies: a code the screens word (`reasons.vault.*`). */
  readonly warning?: ErrorReason
}


export interface ExportFileRequest {
  readonly defaultName: string
  readonly filters: readonly SaveFileFilter[]
  /** A finished file the core wrote (ciphertext only), too big to pass around as a string. */
  readonly source: string
}

/**
 * Hands a finished binary file to the person at the screen: Electron asks where to save it and
 * copies it there (0600); browser mode offers it to the tab as a download. The core removes
 * `source` once this returns, so an implementation that needs it later keeps its own copy.
 */
export interface FileExportPort {
  exportFile(request: ExportFileRequest): Promise<SaveFileResult>
}

/** A process with no screen (the command line) exports nothing. */
export const noFileExports: FileExportPort = {
  exportFile: () => Promise.reject(new Error('no save dialog in this process')),
}

/** One paper for one applicant, as the window shows it now (its print view). */
export interface PrintPageRequest {
  readonly document: PrintDocument
  readonly applicantId: string
  /** For the PDF's suggested file name. */
  readonly reference: string
  readonly output: PrintOutput
}

/** `browser`: handed to the browser's own print dialog, which prints or saves a PDF itself. */
export type PrintPageResult =
  | { readonly kind: 'printed' }
  | { readonly kind: 'saved'; readonly location: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'browser' }

/**
 * Prints the window's print view, or saves it as a PDF: Electron through the window's own
 * print and printToPDF and the save dialog, browser mode through the tab's `window.print()`.
 */
export interface PrintPort {
  printPage(request: PrintPageRequest): Promise<PrintPageResult>
}

/** A process with no window (the command line) prints nothing. */
export const noPrinting: PrintPort = {
  printPage: () => Promise.reject(new Error('no printing in this process')),
}
