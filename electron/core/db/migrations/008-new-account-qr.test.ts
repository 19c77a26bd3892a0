import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runMigrations, userVersion } from '../migrate'
import { migrations } from './index'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function openAt(version: number): Database.Database {
  dir = mkdtempSync(join(tmpdir(), 'kyc-mig6-'))
  const db = new Database(join(dir, 'q.sqlite'))
  db.pragma('foreign_keys = ON')
  runMigrations(db, migrations.slice(0, version))
  return db
}

function insertApplicant(db: Database.Database, id: string, status: string, binding: boolean): void {
  db.prepare(
    `INSERT INTO applicants (id, reference, status, created_at, updated_at, captured_at, binding_enc) VALUES (?, ?, ?, 1, 1, 1000, ?)`,
  ).run(id, `ref-${id}`, status, binding ? Buffer.from('sealed') : null)
}

describe('migration 008: the needs-new-qr status and the binding time', () => {
  it('widens the status lists without touching the rows, their steps or their counts', () => {
    const db = openAt(7)
    insertApplicant(db, 'a1', 'needs-attention', true)
    insertApplicant(db, 'a2', 'draft', false)
    db.prepare(`INSERT INTO applicant_steps (applicant_id, name, seq, state, updated_at) VALUES ('a1', 'sts', 0, 'done', 1)`).run()
    expect(() => db.prepare(`UPDATE applicants SET status = 'needs-new-qr' WHERE id = 'a1'`).run()).toThrow(/CHECK/)

    runMigrations(db, migrations.slice(0, 8))

    expect(userVersion(db)).toBe(8)
    db.prepare(`UPDATE applicants SET status = 'needs-new-qr' WHERE id = 'a1'`).run()
    expect(db.prepare(`SELECT n FROM applicant_status_counts WHERE status = 'needs-new-qr'`).pluck().get()).toBe(1)
    expect(() => db.prepare(`UPDATE applicants SET status = 'expired' WHERE id = 'a1'`).run()).toThrow(/CHECK/)
    expect(db.prepare(`SELECT count(*) FROM applicant_steps WHERE applicant_id = 'a1'`).pluck().get()).toBe(1)
    expect(db.prepare(`SELECT id, binding_at FROM applicants ORDER BY id`).all()).toEqual([
      { id: 'a1', binding_at: 1000 },
      { id: 'a2', binding_at: null },
    ])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
