import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { basename } from 'node:path'
import type { DialogPort, WindowPort } from '../core/app/ui-ports'
import { KycError } from '../core/errors/kyc-error'
import type { ImportDialogPort } from '../core/intake/import-session'
import { originOf } from '../core/ipc/trusted-origin'

/**
 * What the core asks of the window around it (a verify window, a save dialog), done by the tab
 * that made the call: each invoke collects its actions here and the served bridge carries them
 * out when the answer arrives, inside the click that asked for them.
 */
export type BrowserAction =
  | { readonly kind: 'open'; readonly url: string }
  | { readonly kind: 'download'; readonly url: string; readonly name: string }

interface PendingDownload {
  readonly name: string
  readonly bytes: Buffer
  readonly expires: NodeJS.Timeout
}

/** An export the tab never fetched (download blocked, tab closed) is dropped after this long. */
const downloadLifetimeMs = 5 * 60_000

export class BrowserActions {
  private readonly current = new AsyncLocalStorage<BrowserAction[]>()
  private readonly downloads = new Map<string, PendingDownload>()

  /** Runs one invoke and returns what it produced together with the actions it asked for. */
  async collect<T>(work: () => Promise<T>): Promise<{ value: T; actions: BrowserAction[] }> {
    const actions: BrowserAction[] = []
    const value = await this.current.run(actions, work)
    return { value, actions }
  }

  private queue(action: BrowserAction): void {
    const actions = this.current.getStore()
    if (!actions) throw new Error('no browser tab asked for this')
    actions.push(action)
  }

  readonly windows: WindowPort = {
    openVerifyWindow: async (url) => {
      if (originOf(url) === null) throw new Error('The verify page has no web origin')
      this.queue({ kind: 'open', url })
    },
  }

  /** Exports stay in memory until the tab fetches them once; nothing is written to disk. */
  readonly dialogs: DialogPort = {
    saveFile: async ({ defaultName, contents }) => {
      const id = randomBytes(16).toString('hex')
      const name = basename(defaultName)
      const expires = setTimeout(() => this.downloads.delete(id), downloadLifetimeMs)
      expires.unref()
      this.downloads.set(id, { name, bytes: Buffer.from(contents(), 'utf8'), expires })
      this.queue({ kind: 'download', url: `api/downloads/${id}`, name })
      return { saved: true, location: name }
    },
  }

  /**
   * The batch import reads the operator's files by path, which a browser never hands over; until
   * it reads uploads from memory (so no plaintext copy of a scan lands on disk), it says so.
   */
  readonly importDialogs: ImportDialogPort = {
    chooseManifest: () => Promise.reject(importUnavailable()),
    chooseFolder: () => Promise.reject(importUnavailable()),
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
  }
}

function importUnavailable(): KycError {
  return new KycError(
    'UNAVAILABLE',
    'Batch import is not available in the browser yet (批量导入暂不支持浏览器模式): use the desktop app, or "kyc-desk import" on this computer',
  )
}
