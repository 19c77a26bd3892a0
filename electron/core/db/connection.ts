import Database from 'better-sqlite3'
import { z } from 'zod'
import { chmodSync } from 'node:fs'
import { runMigrations } from './migrate'
import { migrations } from './migrations'

export type Db = Database.Database

export interface OpenDatabaseOptions {
  readonly file: string
  /** Path to a better_sqlite3.node built for the running ABI (Electron passes its own build). */
  readonly nativeBinding?: string
  /** How long a write waits for another connection's lock before SQLITE_BUSY. */
  readonly busyTimeoutMs?: number
}

/**
 * Opens the queue database and brings its schema up to date.
 *
 * `synchronous=FULL` is set after switching to WAL because this build's WAL default is NORMAL,
 * under which the last committed transactions can be lost on power loss; a step marked done
 * must stay done. `secure_delete` zeroes freed pages so purged ciphertext and labels do not
 * linger in the file.
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  try {
    restrictPermissions(options.file)
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`)
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal') throw new Error(`could not switch the database to WAL (got ${String(mode)})`)
    db.pragma('synchronous = FULL')
    db.pragma('foreign_keys = ON')
    db.pragma('secure_delete = ON')
    // Schema objects (triggers, CHECKs) may only call built-in functions we trust.
    db.pragma('trusted_schema = OFF')
    db.pragma('journal_size_limit = 67108864')
    runMigrations(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/**
 * Runs `write` (its own transaction) with synchronous=NORMAL, then restores FULL. In WAL mode the
 * commit is then not fsynced: a power cut may lose it, together with anything committed after it
 * and before the next FULL commit, but never out of order, and the next FULL commit makes it
 * durable (its fsync covers every frame before it in the WAL). Only for writes whose loss is
 * harmless, such as a step marked started: lost, the step is pending and runs again, which is
 * what crash recovery does with a step left running anyway.
 */
export function withoutWaitingForDisk<T>(db: Db, write: () => T): T {
  db.pragma('synchronous = NORMAL')
  try {
    return write()
  } finally {
    db.pragma('synchronous = FULL')
  }
}

/**
 * Runs `body` in one immediate transaction (the write lock taken at once, so what it checks
 * still holds at the commit); a throw rolls it all back. Inside another transaction it is a
 * savepoint of that one.
 */
export function inTransaction<T>(db: Db, body: () => T): T {
  return db.transaction(body).immediate()
}

const databaseListRow = z.object({ name: z.string(), file: z.string() })

/**
 * The WAL file SQLite writes for this connection's main database: named after the file as SQLite
 * resolved it (it follows symbolic links), which is not always the path it was opened with.
 */
export function walFileOf(db: Db): string {
  const main = z.array(databaseListRow).parse(db.pragma('database_list')).find((d) => d.name === 'main')
  if (!main || main.file === '') throw new Error('the database has no file, so it has no WAL to sync')
  return `${main.file}-wal`
}

function restrictPermissions(file: string): void {
  // SQLite gives its -wal and -shm files the database file's permissions.
  if (process.platform === 'win32' || file === ':memory:' || file === '') return
  chmodSync(file, 0o600)
}
