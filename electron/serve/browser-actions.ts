import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { DialogPort, FileExportPort, PrintPort, WindowPort } from '../core/ports'
import { KycError } from '../core/errors/kyc-error'
import type { ImportDialogPort } from '../core/intake/import-session'
import { originOf } from '../core/ipc/trusted-origin'
import { UploadStore, type UploadRefusal } from './uploads'

/**
 * What the core asks of the window around it (a verify window, a save dialog), done by the tab
 * that made the call: each invoke collects its actions here and the served bridge carries them
 * out when the answer arrives, inside the click that asked for them.
 */
export type BrowserAction =
  | { readonly kind: 'open'; readonly url: string }
  | { readonly kind: 'download'; readonly url: string; readonly name: string }
  | { readonly kind: 'print' }

interface PendingDownload {
  readonly name: string
  readonly bytes: Buffer
  readonly expires: NodeJS.Timeout
}

/** An export the tab never fetched (download blocked, tab closed) is dropped after this long. */
const downloadLifetimeMs = 5 * 60_000

interface InvokeContext {
  readonly actions: BrowserAction[]
  /** The files the tab uploaded for this `import:choose`; none when the operator cancelled the picker. */
  readonly upload: string | null
}

export class BrowserActions {
  private readonly current = new AsyncLocalStorage<InvokeContext>()
  private readonly downloads = new Map<string, PendingDownload>()
  readonly uploads = new UploadStore()

  /** Runs one invoke and returns what it produced together with the actions it asked for. */
  async collect<T>(work: () => Promise<T>, upload: string | null = null): Promise<{ value: T; actions: BrowserAction[] }> {
    const context: InvokeContext = { actions: [], upload }
    const value = await this.current.run(context, work)
    return { value, actions: context.actions }
  }

  private queue(action: BrowserAction): void {
    const context = this.current.getStore()
    if (!context) throw new Error('no browser tab asked for this')
    context.actions.push(action)
  }

  private uploadOfThisCall(): string | null {
    return this.current.getStore()?.upload ?? null
  }

  readonly windows: WindowPort = {
    openVerifyWindow: async (url) => {
      if (originOf(url) === null) throw new Error('The verify page has no web origin')
      this.queue({ kind: 'open', url })
    },
  }

  /** Exports stay in memory until the tab fetches them once; nothing is written to disk. */
  readonly dialogs: DialogPort = {
    saveFile: async ({ defaultName, contents }) => this.offerDownload(defaultName, Buffer.from(contents(), 'utf8')),
  }

  /** A finished file (a backup, ciphertext only) is read into memory and offered the same way. */
  readonly fileExports: FileExportPort = {
    exportFile: async ({ defaultName, source }) => this.offerDownload(defaultName, await readFile(source)),
  }

  /**
   * The tab prints its own print view with `window.print()`; the browser's dialog prints it or
   * saves it as a PDF, so both outputs end there and the server never renders a page.
   */
  readonly printer: PrintPort = {
    printPage: async () => {
      this.queue({ kind: 'print' })
      return { kind: 'browser' }
    },
  }

  private offerDownload(defaultName: string, bytes: Buffer): { saved: true; location: string } {
    const id = randomBytes(16).toString('hex')
    const name = basename(defaultName)
    const expires = setTimeout(() => this.downloads.delete(id), downloadLifetimeMs)
    expires.unref()
    this.downloads.set(id, { name, bytes, expires })
    this.queue({ kind: 'download', url: `api/downloads/${id}`, name })
    return { saved: true, location: name }
  }

  /**
   * The page's own file pickers chose and uploaded the files before it called `import:choose`;
   * the session takes them from memory (no plaintext copy of a scan on disk). No upload: cancelled.
   */
  readonly importDialogs: ImportDialogPort = {
    // An uploaded manifest has no folder of its own: the operator picks the images too.
    imagesBesideManifest: false,
    chooseManifest: async () => {
      const id = this.uploadOfThisCall()
      return id === null ? null : orThrow(this.uploads.take(id, 'manifest'))
    },
    chooseFolder: async () => {
      const id = this.uploadOfThisCall()
      return id === null ? null : orThrow(this.uploads.take(id, 'folder'))
    },
  }

  /** Hands a finished export over once, and forgets it. */
  takeDownload(id: string): { readonly name: string; readonly bytes: Buffer } | null {
    const found = this.downloads.get(id)
    if (!found) return null
    this.downloads.delete(id)
    clearTimeout(found.expires)
    return { name: found.name, bytes: found.bytes }
  }

  close(): void {
    for (const download of this.downloads.values()) clearTimeout(download.expires)
    this.downloads.clear()
    this.uploads.close()
  }
}

function orThrow<T extends object>(taken: T | UploadRefusal): T {
  if ('status' in taken) throw new KycError('INVALID_INPUT', taken.message, undefined, { key: `upload.${taken.code}` })
  return taken
}
