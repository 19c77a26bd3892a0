import { basename } from 'node:path'
import { watch, type FSWatcher } from 'chokidar'
import type { Stats } from 'node:fs'

export interface FolderEvents {
  fileSeen(path: string, size: number, modifiedAt: number): void
  fileGone(path: string): void
  error(error: unknown): void
}

export interface WatchOptions {
  /** How long a file's size must stay unchanged before it counts as fully written. */
  readonly stabilityMs: number
  readonly pollIntervalMs: number
  /** Network shares often deliver no change notifications; polling sees them. */
  readonly usePolling: boolean
}

/**
 * Files scanner software and copy tools write before the real one appears: partial downloads,
 * Office lock files, hidden files, Windows thumbnail caches.
 */
export function isTransientName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || /\.(tmp|temp|part|partial|crdownload|download)$/i.test(name) || /^thumbs\.db$/i.test(name)
}

/**
 * Watches the top level of the folder. `awaitWriteFinish` holds back `add` and `change` until a
 * file has stopped growing, so a scan still being written is never read half-way.
 */
export function watchFolder(folder: string, options: WatchOptions, events: FolderEvents): { ready: Promise<void>; close(): Promise<void> } {
  const watcher: FSWatcher = watch(folder, {
    depth: 0,
    ignoreInitial: false,
    alwaysStat: true,
    // A link in the folder must not bring a file from elsewhere (the data folder) into the inbox.
    followSymlinks: false,
    usePolling: options.usePolling,
    awaitWriteFinish: { stabilityThreshold: options.stabilityMs, pollInterval: options.pollIntervalMs },
    ignored: (path: string, stats?: Stats) => stats?.isFile() === true && isTransientName(basename(path)),
  })
  const seen = (path: string, stats?: Stats) => {
    if (!isTransientName(basename(path))) events.fileSeen(path, stats?.size ?? 0, stats?.mtimeMs ?? Date.now())
  }
  watcher.on('add', seen)
  watcher.on('change', seen)
  watcher.on('unlink', (path) => events.fileGone(path))
  watcher.on('error', (error) => events.error(error))
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return { ready, close: () => watcher.close() }
}
