import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runMigrations, userVersion } from '../migrate'
import { migrations } from './index'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migration 010: a step error keeps its reason', () => {
  it('adds the column to a v9 database, keeping every step and its error, with no reason for the old ones', () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-mig10-'))
    const db = new Database(join(dir, 'q.sqlite'))
    db.pragma('foreign_keys = ON')
    runMigrations(db, migrations.slice(0, 9))
    db.prepare(`INSERT INTO applicants (id, reference, status, created_at, updated_at, captured_at) VALUES ('a1', 'ref-a1', 'queued', 1, 1, 1000)`).run()
    db.prepare(
      `INSERT INTO applicant_steps (applicant_id, name, seq, state, attempts, error_kind, error_code, error_message, updated_at)
       VALUES ('a1', 'sts', 0, 'failed', 1, 'refused', '-1001', '用户未登录', 1), ('a1', 'upload:front', 1, 'pending', 0, NULL, NULL, NULL, 1)`,
    ).run()
    const before = db.prepare(`SELECT * FROM applicant_steps ORDER BY seq`).all()

    runMigrations(db, migrations)

    expect(userVersion(db)).toBe(10)
    expect(db.prepare(`SELECT * FROM applicant_steps ORDER BY seq`).all()).toEqual(before.map((row) => ({ ...(row as object), error_reason: null })))
    // A reason only beside an error.
    const setReason = db.prepare(`UPDATE applicant_steps SET error_reason = '{"key":"stepError.internal"}' WHERE name = ?`)
    expect(() => setReason.run('sts')).not.toThrow()
    expect(() => setReason.run('upload:front')).toThrow(/CHECK/)
    db.close()
  })
})
