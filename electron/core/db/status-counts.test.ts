import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from './connection'
import { runMigrations } from './migrate'
import { migrations } from './migrations'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const statuses = ['draft', 'queued', 'syncing', 'waiting-retry', 'needs-attention', 'submitted', 'liveness-pending', 'verified']

function insert(db: Db, id: string, status: string): void {
  db.prepare(
    `INSERT INTO applicants (id, reference, status, created_at, updated_at, captured_at) VALUES (?, ?, ?, 1, 1, 1)`,
  ).run(id, `ref-${id}`, status)
}

function kept(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT status, n FROM applicant_status_counts WHERE n > 0').all() as { status: string; n: number }[]
  return Object.fromEntries(rows.map((r) => [r.status, r.n]))
}

function counted(db: Db): Record<string, number> {
  const rows = db.prepare('SELECT status, count(*) AS n FROM applicants GROUP BY status').all() as { status: string; n: number }[]
  return Object.fromEntries(rows.map((r) => [r.status, r.n]))
}

describe('per-status counts kept by triggers (migration 002)', () => {
  it('stay equal to counting the rows through inserts, status changes, other updates, deletes and rollbacks', () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-counts-'))
    const db = openDatabase({ file: join(dir, 'q.sqlite') })
    try {
      // A seeded random walk: every kind of write, checked against the truth after each.
      let seed = 7
      const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
      const ids: string[] = []
      for (let i = 0; i < 400; i += 1) {
        const action = random(10)
        const id = ids[random(Math.max(ids.length, 1))]
        if (action < 3 || id === undefined) {
          const fresh = `a${i}`
          insert(db, fresh, statuses[random(statuses.length)] ?? 'draft')
          ids.push(fresh)
        } else if (action < 7) {
          db.prepare('UPDATE applicants SET status = ?, updated_at = ? WHERE id = ?').run(statuses[random(statuses.length)] ?? 'draft', i, id)
        } else if (action < 8) {
          db.prepare('UPDATE applicants SET label = ? WHERE id = ?').run(`label ${i}`, id)
        } else if (action < 9) {
          db.prepare('DELETE FROM applicants WHERE id = ?').run(id)
          ids.splice(ids.indexOf(id), 1)
        } else {
          expect(() =>
            db.transaction(() => {
              db.prepare('UPDATE applicants SET status = ? WHERE id = ?').run('verified', id)
              throw new Error('rolled back')
            })(),
          ).toThrow('rolled back')
        }
        expect(kept(db)).toEqual(counted(db))
      }
    } finally {
      db.close()
    }
  })

  it('are filled in from the rows of a database made before them', () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-counts-'))
    const file = join(dir, 'old.sqlite')
    const old = new Database(file)
    runMigrations(old, migrations.slice(0, 1))
    insert(old, 'a', 'queued')
    insert(old, 'b', 'queued')
    insert(old, 'c', 'verified')
    old.close()
    const db = openDatabase({ file })
    try {
      expect(kept(db)).toEqual({ queued: 2, verified: 1 })
    } finally {
      db.close()
    }
  })
})
