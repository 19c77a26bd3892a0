import { open } from 'node:fs/promises'

/** Makes a file's written data durable; the default opens it and fdatasyncs it in libuv's thread pool. */
export type SyncFile = (path: string) => Promise<void>

const isMissing = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'

export const fdatasyncFile: SyncFile = async (path) => {
  let handle
  try {
    // Read-write: Windows' FlushFileBuffers refuses a read-only handle.
    handle = await open(path, 'r+')
  } catch (error) {
    // No WAL file: SQLite removes it only after checkpointing everything into the database file
    // and syncing that, so there is nothing left to make durable.
    if (isMissing(error)) return
    throw error
  }
  try {
    await handle.datasync()
  } finally {
    await handle.close()
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

  constructor(
    private readonly walFile: string,
    private readonly syncFile: SyncFile = fdatasyncFile,
  ) {}

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

  private startRound(): Promise<void> {
    this.queued = null
    const round = this.syncFile(this.walFile).finally(() => {
      if (this.running === round) this.running = null
    })
    this.running = round
    return round
  }
}
