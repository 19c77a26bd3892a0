import type Database from 'better-sqlite3'
import type { Migration } from '../migrate'
import { MigrationError } from '../migrate'

// Frozen once shipped: version 7's status list, and version 8's with `needs-new-qr` after `needs-attention`.
const before = `'draft','queued','syncing','waiting-retry','needs-attention','submitted','liveness-pending','verified'`
const after = `'draft','queued','syncing','waiting-retry','needs-attention','needs-new-qr','submitted','liveness-pending','verified'`

/**
 * "Needs a new account QR" (the customer's token expired) becomes a status of its own, and each
 * applicant records when its binding was scanned, so the queue can warn before an old one is
 * refused. Rows from before take their capture time, the best we know.
 */
const sql = `
ALTER TABLE applicants ADD COLUMN binding_at INTEGER;
UPDATE applicants SET binding_at = captured_at WHERE binding_enc IS NOT NULL;
`

/**
 * Adding a value to a CHECK list only widens it: every stored row still passes. SQLite cannot
 * ALTER a CHECK, and rebuilding `applicants` would cascade-delete its steps and images (foreign
 * keys cannot be switched off inside the migration's transaction), so the table's stored SQL is
 * rewritten, the procedure SQLite documents for loosening a constraint (lang_altertable §7).
 */
function widenStatusCheck(db: Database.Database, table: string): void {
  const row = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(table)
  if (typeof row !== 'string' || row.split(before).length !== 2) throw new MigrationError(`${table}: the status list to widen was not found exactly once`)
  const version = db.pragma('schema_version', { simple: true })
  if (typeof version !== 'number') throw new MigrationError('schema_version is not a number')
  db.unsafeMode(true)
  try {
    db.pragma('writable_schema = ON')
    db.prepare(`UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?`).run(row.replace(before, after), table)
    db.pragma(`schema_version = ${version + 1}`)
    db.pragma('writable_schema = OFF')
  } finally {
    db.unsafeMode(false)
  }
}

export const newAccountQr: Migration = {
  version: 8,
  name: '008-new-account-qr',
  up: (db) => {
    widenStatusCheck(db, 'applicants')
    widenStatusCheck(db, 'applicant_status_counts')
    db.exec(sql)
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new MigrationError(`integrity check after widening the status list: ${String(check)}`)
  },
}
