import Database from 'better-sqlite3'
import type { Database as SqliteDatabase } from 'better-sqlite3'

export type { SqliteDatabase }

/**
 * Numbered migrations, each applied in its own transaction and recorded in `user_version`, so a
 * data folder written by an older sandbox opens in a newer one.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE users (
    uid TEXT PRIMARY KEY,
    token TEXT NOT NULL,
    seed_index INTEGER UNIQUE,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE kyc_records (
    uid TEXT PRIMARY KEY REFERENCES users(uid) ON DELETE CASCADE,
    identity_json TEXT,
    step1_at INTEGER,
    positive_images TEXT, positive_key TEXT, step2_at INTEGER,
    opposite_images TEXT, opposite_key TEXT, step3_at INTEGER,
    hand_images TEXT, hand_key TEXT, step4_at INTEGER,
    liveness_passed_at INTEGER,
    updated_at INTEGER NOT NULL
  );

  CREATE TABLE step_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL,
    call TEXT NOT NULL,
    step INTEGER,
    outcome TEXT NOT NULL,
    status INTEGER NOT NULL,
    message TEXT,
    at INTEGER NOT NULL
  );
  CREATE INDEX step_log_by_uid ON step_log (uid, id);

  CREATE TABLE sts_credentials (
    access_key_id TEXT PRIMARY KEY,
    access_key_secret TEXT NOT NULL,
    security_token TEXT NOT NULL,
    uid TEXT NOT NULL,
    policy TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );

  CREATE TABLE liveness_tokens (
    verify_token TEXT PRIMARY KEY,
    uid TEXT NOT NULL,
    source INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'passed', 'failed', 'superseded')),
    completed_at INTEGER
  );
  CREATE INDEX liveness_tokens_by_uid ON liveness_tokens (uid, issued_at);

  CREATE TABLE objects (
    bucket TEXT NOT NULL,
    object_key TEXT NOT NULL,
    size INTEGER NOT NULL,
    md5_hex TEXT NOT NULL,
    content_type TEXT NOT NULL,
    user_meta TEXT NOT NULL,
    blob_name TEXT NOT NULL,
    last_modified INTEGER NOT NULL,
    PRIMARY KEY (bucket, object_key)
  );
  `,
]

export function openDatabase(file: string): SqliteDatabase {
  const db = new Database(file)
  // WAL for concurrent readers; FULL so an acknowledged write survives a power cut, which is what
  // the app's at-least-once sync is tested against.
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  migrate(db)
  return db
}

function migrate(db: SqliteDatabase): void {
  const current = Number(db.pragma('user_version', { simple: true }))
  MIGRATIONS.forEach((sql, index) => {
    const version = index + 1
    if (version <= current) return
    db.transaction(() => {
      db.exec(sql)
      db.pragma(`user_version = ${version}`)
    })()
  })
}
