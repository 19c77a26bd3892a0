import Database from 'better-sqlite3'
import type { EventType } from '../tables/events/repository'

export const failedAuditMessage = 'audit insert failed (test)'

/**
 * Makes every audit insert of `type` into the database file fail from now on, as a full disk
 * would: a trigger aborts the statement. Added from a second connection; the store's own sees
 * the new schema at its next statement.
 */
export function failAuditInserts(dbFile: string, type: EventType): void {
  const db = new Database(dbFile)
  try {
    db.exec(`CREATE TRIGGER "test_fail_${type}" BEFORE INSERT ON events WHEN NEW.type = '${type}'
      BEGIN SELECT RAISE(ABORT, '${failedAuditMessage}'); END`)
  } finally {
    db.close()
  }
}
