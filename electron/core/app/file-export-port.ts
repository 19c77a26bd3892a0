import type { SaveFileFilter, SaveFileResult } from './ui-ports'

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
