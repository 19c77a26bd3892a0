import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from './connection'

let dir = ''
let db: Db
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-revision-'))
  db = openDatabase({ file: join(dir, 'q.sqlite') })
  db.prepare(
    `INSERT INTO applicants (id, reference, status, created_at, updated_at, captured_at, identity_enc, binding_enc)
     VALUES ('a1', 'ref-1', 'draft', 1, 1, 1, x'01', x'02'), ('a2', 'ref-2', 'draft', 1, 1, 1, NULL, NULL)`,
  ).run()
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const revision = (id: string) => (db.prepare('SELECT revision FROM applicants WHERE id = ?').get(id) as { revision: number }).revision
const image = (slot: string, sha: string) =>
  db.prepare(`INSERT INTO applicant_images (applicant_id, slot, sha256, width, height, byte_size, stored_at) VALUES ('a1', ?, ?, 10, 10, 10, 1)`).run(slot, sha.repeat(64))

/** Each write on its own, and whether it must move a1's revision (migration 004). */
const writes: [string, () => void, boolean][] = [
  ['identity_enc set', () => db.prepare(`UPDATE applicants SET identity_enc = x'03' WHERE id = 'a1'`).run(), true],
  ['binding_enc set (same value)', () => db.prepare(`UPDATE applicants SET binding_enc = x'02' WHERE id = 'a1'`).run(), true],
  ['queued', () => db.prepare(`UPDATE applicants SET queued = 1, consent_version = 'v1', consent_at = 1, queued_at = 1 WHERE id = 'a1'`).run(), true],
  ['image added', () => image('front', 'a'), true],
  ['image replaced in place', () => db.prepare(`UPDATE applicant_images SET sha256 = ? WHERE applicant_id = 'a1' AND slot = 'front'`).run('b'.repeat(64)), true],
  ['image removed', () => db.prepare(`DELETE FROM applicant_images WHERE applicant_id = 'a1' AND slot = 'front'`).run(), true],
  ['status and due time (a step change)', () => db.prepare(`UPDATE applicants SET status = 'syncing', due_at = 5, updated_at = 9 WHERE id = 'a1'`).run(), false],
  ['liveness requested', () => db.prepare(`UPDATE applicants SET liveness_requested_at = 7 WHERE id = 'a1'`).run(), false],
  ['label', () => db.prepare(`UPDATE applicants SET label = 'x' WHERE id = 'a1'`).run(), false],
  ['purged', () => db.prepare(`UPDATE applicants SET identity_enc = NULL, binding_enc = NULL WHERE id = 'a1'`).run(), true],
  ['purged_at alone', () => db.prepare(`UPDATE applicants SET purged_at = 10 WHERE id = 'a1'`).run(), true],
]

describe('the content revision kept by triggers (migration 004)', () => {
  it.each(writes)('%s: moves it = %s', (_name, write, moves) => {
    // Each case starts from the state the cases before it left, as a life of an applicant would.
    for (const [, earlier] of writes.slice(0, writes.findIndex(([, w]) => w === write))) earlier()
    const before = revision('a1')
    const other = revision('a2')
    write()
    expect(revision('a1') > before).toBe(moves)
    expect(revision('a2')).toBe(other)
  })
})
