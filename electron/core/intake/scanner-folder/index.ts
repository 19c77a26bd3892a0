import type { Logger } from '../../log/logger'
import type { ImageIntake } from '../image'
import { checkScannerFolder } from './folder-policy'
import { FolderInbox } from './inbox'
import { noteReason } from './messages'
import { compileFileNamePattern } from './pattern'
import type { ScannerApplicants } from './store-image'
import type { AssignResult, AssignTarget, InboxEvent, InboxItem, StartResult } from './types'
import { watchFolder } from './watcher'

export type * from './types'
export type { FileNameMatch } from './pattern'
export type { ScannerApplicants } from './store-image'
export { compileFileNamePattern } from './pattern'

export interface ScannerFolderDeps {
  /** The queue service's applicants (`KycStore['applicants']`): found by reference, images stored through it. */
  readonly applicants: ScannerApplicants
  readonly intake: Pick<ImageIntake, 'normalize'>
  readonly clock: () => number
  readonly log: Pick<Logger, 'info' | 'warn' | 'error'>
  /** kyc-desk's data folder: never to be watched, nor anything in or above it. */
  readonly dataDir: string
}

export interface ScannerFolderOptions {
  /** The folder the scanner software saves into (settings: intake.scannerFolder). */
  readonly folder: string
  /** e.g. `{ref}_{slot}` (settings: intake.scannerPattern); empty turns automatic assignment off. */
  readonly pattern: string
  /** Who is signed in now (automatic assignments are attributed to them; none while locked). */
  readonly operatorId?: () => string | null
  readonly maxFileBytes?: number
  /** Default 1500 ms: long enough for a scanner writing a 600 dpi TIFF over SMB. */
  readonly stabilityMs?: number
  readonly pollIntervalMs?: number
  readonly usePolling?: boolean
}

export interface ScannerFolder {
  /** Lists what is in the folder already, then watches it. */
  start(): Promise<StartResult>
  stop(): Promise<void>
  list(): InboxItem[]
  /** A small JPEG of the normalised image, for the inbox list. */
  thumbnail(id: string): Buffer | null
  /** Stores the file as the applicant's image in that slot, then deletes it from the folder. */
  assign(id: string, target: AssignTarget): Promise<AssignResult>
  /** Deletes a failed scan; a file that is not an image only leaves the list (see FolderInbox.discard). */
  discard(id: string): Promise<boolean>
  subscribe(listener: (event: InboxEvent) => void): () => void
  /** Resolves once every file seen so far has been checked (and assigned, where it could be). */
  settled(): Promise<void>
}

export function createScannerFolder(deps: ScannerFolderDeps, options: ScannerFolderOptions): ScannerFolder {
  const folder = options.folder
  const pattern = compileFileNamePattern(options.pattern)
  const inbox = new FolderInbox({
    ...deps,
    maxFileBytes: options.maxFileBytes ?? 25 * 1024 * 1024,
    pattern: pattern?.ok ? pattern : null,
    operatorId: options.operatorId ?? (() => null),
  })
  let watcher: ReturnType<typeof watchFolder> | null = null

  return {
    async start() {
      if (pattern && !pattern.ok) return { ok: false, code: 'pattern-invalid', words: noteReason({ code: 'pattern-invalid', pattern: options.pattern }) }
      const verdict = await checkScannerFolder(folder, { dataDir: deps.dataDir })
      if (!verdict.ok) {
        const { reason } = verdict
        if (reason === 'missing') return { ok: false, code: 'folder-missing', words: noteReason({ code: 'folder-missing', folder }) }
        return { ok: false, code: 'folder-refused', words: noteReason({ code: 'folder-refused', folder, reason }) }
      }
      if (watcher) return { ok: true }
      watcher = watchFolder(
        verdict.folder,
        { stabilityMs: options.stabilityMs ?? 1500, pollIntervalMs: options.pollIntervalMs ?? 100, usePolling: options.usePolling ?? false },
        {
          fileSeen: (path, size, modifiedAt) => inbox.fileSeen(path, size, modifiedAt),
          fileGone: (path) => inbox.fileGone(path),
          error: (error) => deps.log.warn('scanner.watch-error', { error: error instanceof Error ? error.message : 'unknown' }),
        },
      )
      await watcher.ready
      deps.log.info('scanner.watching', { automatic: pattern?.ok === true })
      return { ok: true }
    },
    async stop() {
      const current = watcher
      watcher = null
      await current?.close()
      await inbox.settled()
    },
    list: () => inbox.list(),
    thumbnail: (id) => inbox.thumbnail(id),
    assign: (id, target) => inbox.assign(id, target),
    discard: (id) => inbox.discard(id),
    subscribe: (listener) => inbox.subscribe(listener),
    settled: () => inbox.settled(),
  }
}
