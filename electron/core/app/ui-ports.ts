/**
 * What the core asks of the user interface around it, as small interfaces: Electron main
 * implements them with a BrowserWindow and a save dialog, the end-to-end harness with a second
 * Playwright page and a temporary folder, unit tests with fakes.
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
