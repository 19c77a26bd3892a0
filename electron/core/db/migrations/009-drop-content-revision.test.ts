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
  dir = mkdtempSync(join(tmpdir(), 'kyc-mig9-'))
  const db = new Database(join(dir, 'q.sqlite'))
  db.pragma('foreign_keys = ON')
  runMigrations(db, migrations.slice(0, version))
  return db
}

const revisionTriggers = ['applicant_images_revision_delete', 'applicant_images_revision_insert', 'applicant_images_revision_update', 'applicants_revision_content']
const triggersNamed = (db: Database.Database) => db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%revision%' ORDER BY name`).pluck().all()
const columnsOf = (db: Database.Database, table: string) => db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table)
const applicants = (db: Database.Database) =>
  db.prepare(`SELECT id, reference, status, queued, queued_at, consent_at, identity_enc, binding_enc, binding_at, environment FROM applicants ORDER BY id`).all()

describe('migration 009: the content revision dropped', () => {
  it('drops the four triggers and the column, and keeps every row, image, step and count', () => {
    const db = openAt(8)
    const insert = db.prepare(
      `INSERT INTO applicants (id, reference, status, created_at, updated_at, captured_at, identity_enc, binding_enc, binding_at) VALUES (?, ?, ?, 1, 1, 1000, ?, ?, ?)`,
    )
    insert.run('a1', 'ref-a1', 'queued', Buffer.from('identity'), Buffer.from('sealed'), 1000)
    insert.run('a2', 'ref-a2', 'draft', null, null, null)
    db.prepare(`INSERT INTO applicant_images (applicant_id, slot, sha256, width, height, byte_size, stored_at) VALUES ('a1', 'front', ?, 10, 20, 300, 5)`).run('a'.repeat(64))
    db.prepare(`UPDATE applicants SET queued = 1, consent_version = 'v1', consent_at = 2, queued_at = 3, binding_enc = ? WHERE id = 'a1'`).run(Buffer.from('resealed'))
    db.prepare(`INSERT INTO applicant_steps (applicant_id, name, seq, state, updated_at) VALUES ('a1', 'sts', 0, 'done', 1)`).run()
    expect(triggersNamed(db)).toEqual(revisionTriggers)
    expect(db.prepare(`SELECT revision FROM applicants WHERE id = 'a1'`).pluck().get()).toBeGreaterThan(0)
    const rowsBefore = applicants(db)
    const countsBefore = db.prepare(`SELECT status, n FROM applicant_status_counts ORDER BY status`).all()

    runMigrations(db, migrations)

    expect(userVersion(db)).toBe(migrations.length)
    expect(triggersNamed(db)).toEqual([])
    expect(columnsOf(db, 'applicants')).not.toContain('revision')
    expect(applicants(db)).toEqual(rowsBefore)
    expect(db.prepare(`SELECT status, n FROM applicant_status_counts ORDER BY status`).all()).toEqual(countsBefore)
    expect(db.prepare(`SELECT applicant_id, slot, byte_size FROM applicant_images`).all()).toEqual([{ applicant_id: 'a1', slot: 'front', byte_size: 300 }])
    expect(db.prepare(`SELECT applicant_id, name, state FROM applicant_steps`).all()).toEqual([{ applicant_id: 'a1', name: 'sts', state: 'done' }])
    // Writes that fired the triggers still work without them.
    db.prepare(`UPDATE applicant_images SET width = 11 WHERE applicant_id = 'a1'`).run()
    db.prepare(`UPDATE applicants SET binding_enc = ? WHERE id = 'a1'`).run(Buffer.from('again'))
    db.prepare(`DELETE FROM applicant_images WHERE applicant_id = 'a1'`).run()
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})
