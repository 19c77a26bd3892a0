import { closeSync, fdatasync, openSync } from 'node:fs'

/** Makes a file's written data durable; the default is `openWalSyncer`'s. */
export type SyncFile = (path: string) => Promise<void>

const isMissing = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'

/**
 * fdatasync of the WAL in libuv's thread pool, through a descriptor opened once and kept: opening
 * and closing it for every round cost the event loop more than the sync itself. Keeping it is safe
 * because SQLite deletes the WAL file only when the last connection closes, and the store's own
 * connection stays open until after `close()` here.
 */
export function openWalSyncer(): { syncFile: SyncFile; close(): void } {
  let fd: number | null = null
  return {
    syncFile: (path) => {
      if (fd === null) {
        try {
          // Read-write: Windows' FlushFileBuffers refuses a read-only handle.
          fd = openSync(path, 'r+')
        } catch (error) {
          // No WAL file yet, or no longer: SQLite removes it only after checkpointing everything
          // into the database file and syncing that, so there is nothing left to make durable.
          if (isMissing(error)) return Promise.resolve()
          return Promise.reject(error instanceof Error ? error : new Error(String(error)))
        }
      }
      const descriptor = fd
      return new Promise<void>((resolve, reject) => fdatasync(descriptor, (error) => (error ? reject(error) : resolve())))
    },
    close: () => {
      if (fd !== null) closeSync(fd)
      fd = null
    },
  }
}

/** One-off: opens, syncs and closes (for tests and tools; the store keeps its descriptor). */
export const fdatasyncFile: SyncFile = async (path) => {
  const syncer = openWalSyncer()
  try {
    await syncer.syncFile(path)
  } finally {
    syncer.close()
  }
}

/**
 * Group commit for a WAL database whose commits are made with `synchronous=NORMAL`.
 *
 * In WAL mode a NORMAL commit writes its frames to the WAL without an fsync; the transactions in
 * the WAL are replayed in order, so syncing the WAL file later makes every commit written before
 * the sync durable, which is what FULL does at each commit. Done here, the sync runs in the thread
 * pool instead of blocking the event loop inside better-sqlite3, and commits that finish while a
 * sync is under way share the next one.
 *
 * `flush()` resolves once everything committed before the call is on disk: a sync already running
 * may have started before that commit, so such a caller waits for the round after it.
 */
export class WalSync {
  private running: Promise<void> | null = null
  private queued: Promise<void> | null = null

  private readonly syncFile: SyncFile
  private readonly release: () => void

  /** Without `syncFile`, syncs through a descriptor kept open until `close()`. */
  constructor(
    private readonly walFile: string,
    syncFile?: SyncFile,
  ) {
    if (syncFile) {
      this.syncFile = syncFile
      this.release = () => undefined
    } else {
      const own = openWalSyncer()
      this.syncFile = own.syncFile
      this.release = own.close
    }
  }

  flush(): Promise<void> {
    if (this.running === null) return this.startRound()
    this.queued ??= this.running.then(
      () => this.startRound(),
      () => this.startRound(),
    )
    return this.queued
  }

  /** Resolves when no sync is running or queued (for closing the database after the last one). */
  async idle(): Promise<void> {
    while (this.running !== null || this.queued !== null) {
      await (this.queued ?? this.running)?.catch(() => undefined)
    }
  }

  /** Closes the kept descriptor, after any sync under way (the database closes right after). */
  close(): void {
    if (this.running === null && this.queued === null) this.release()
    else void this.idle().then(this.release)
  }

  private startRound(): Promise<void> {
    this.queued = null
    const round = this.syncFile(this.walFile).finally(() => {
      if (this.running === round) this.running = null
    })
    this.running = round
    return round
  }
}
