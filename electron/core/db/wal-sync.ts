import { closeSync, fdatasync, openSync } from 'node:fs'

/** Makes a file's written data durable; the default is `openWalSyncer`'s. */
export type SyncFile = (path: string) => Promise<void>

/**
 * The WAL could not be made durable. Sticky: after a failed fdatasync Linux may mark the lost
 * pages clean, so a later sync can succeed without them; from the first failure on, nothing
 * committed without an fsync may be called durable until the database is opened again.
 */
export class WalSyncError extends Error {
  override readonly name = 'WalSyncError'
}

/** How long a commit may wait for its WAL sync when nobody flushes sooner (see `syncSoon`). */
export const DEFAULT_MAX_UNSYNCED_MS = 200

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * fdatasync of the WAL in libuv's thread pool, through a descriptor opened once and kept: opening
 * and closing it for every round cost the event loop more than the sync itself. Keeping it is safe
 * because SQLite deletes the WAL file only when the last connection closes, and the store's own
 * connection stays open until after `close()` here. For the same reason a missing WAL is an error:
 * while the database is open in WAL mode the file exists, so not finding it means the path is not
 * the one SQLite writes, and syncing nothing would be a silent lie.
 */
export function openWalSyncer(): { syncFile: SyncFile; close(): void } {
  let fd: number | null = null
  let closed = false
  return {
    syncFile: (path) => {
      if (closed) return Promise.reject(new WalSyncError('the WAL syncer is closed'))
      if (fd === null) {
        try {
          // Read-write: Windows' FlushFileBuffers refuses a read-only handle.
          fd = openSync(path, 'r+')
        } catch (error) {
          return Promise.reject(new WalSyncError(`cannot open the WAL file to sync it: ${describe(error)}`))
        }
      }
      const descriptor = fd
      return new Promise<void>((resolve, reject) =>
        fdatasync(descriptor, (error) => (error ? reject(new WalSyncError(`fdatasync of the WAL failed: ${describe(error)}`)) : resolve())),
      )
    },
    close: () => {
      closed = true
      if (fd === null) return
      const descriptor = fd
      fd = null
      try {
        closeSync(descriptor)
      } catch {
        // Nothing left to protect: the database is closing, and SQLite syncs its own files.
      }
    },
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
 * may have started before that commit, so such a caller waits for the round after it. Once a
 * round has failed, every flush rejects with that failure (see WalSyncError).
 *
 * `syncSoon()` bounds how long a commit may stay unsynced when nobody flushes: it makes sure a
 * round starts within `maxUnsyncedMs`. A writer that needs nothing sooner (the sync engine flushes
 * once at the end of each applicant's run, not at every step) calls it after each commit.
 */
export class WalSync {
  private running: Promise<void> | null = null
  private queued: Promise<void> | null = null
  private failure: WalSyncError | null = null
  private closing = false
  /** The round `syncSoon` promised, until a round (any round) starts. */
  private soon: ReturnType<typeof setTimeout> | null = null

  private readonly syncFile: SyncFile
  private readonly release: () => void

  /** `walFile` must be the path SQLite writes (see `walFileOf`); without `syncFile`, syncs through a kept descriptor. */
  constructor(
    private readonly walFile: string,
    syncFile?: SyncFile,
    private readonly maxUnsyncedMs = DEFAULT_MAX_UNSYNCED_MS,
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
    if (this.failure) return Promise.reject(this.failure)
    if (this.closing) return Promise.reject(new WalSyncError('the database is closing'))
    if (this.running === null) return this.startRound()
    this.queued ??= this.running.then(
      () => this.startRound(),
      () => this.startRound(),
    )
    return this.queued
  }

  /**
   * After a commit whose durability nobody awaits yet: a round starts within `maxUnsyncedMs`
   * unless one starts sooner. A failure there is kept (sticky) and reported by the next flush.
   */
  syncSoon(): void {
    if (this.soon !== null || this.closing || this.failure) return
    this.soon = setTimeout(() => {
      this.soon = null
      this.flush().catch(() => undefined)
    }, this.maxUnsyncedMs)
    // A promised sync must not keep a finished command-line process alive: closing the database
    // checkpoints the WAL into the database file and syncs it anyway.
    this.soon.unref()
  }

  /** Resolves when no sync is running or queued (for closing the database after the last one). */
  async idle(): Promise<void> {
    while (this.running !== null || this.queued !== null) {
      await (this.queued ?? this.running)?.catch(() => undefined)
    }
  }

  /** Closes the kept descriptor, after any sync under way (the database closes right after). */
  close(): void {
    this.closing = true
    this.cancelSoon()
    if (this.running === null && this.queued === null) this.release()
    else void this.idle().then(this.release)
  }

  private startRound(): Promise<void> {
    this.queued = null
    // This round covers every commit made so far; a commit after it promises its own.
    this.cancelSoon()
    if (this.failure) return Promise.reject(this.failure)
    const round = this.syncFile(this.walFile)
      .catch((error: unknown) => {
        this.failure ??= error instanceof WalSyncError ? error : new WalSyncError(describe(error))
        throw this.failure
      })
      .finally(() => {
        if (this.running === round) this.running = null
      })
    this.running = round
    return round
  }

  private cancelSoon(): void {
    if (this.soon !== null) clearTimeout(this.soon)
    this.soon = null
  }
}
