import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deriveStatus } from '../../../shared/domain/status'
import { submissionSteps, type StepSnapshot } from '../../../shared/domain/steps'
import { openDatabase } from '../db/connection'
import { newSortableId } from '../db/ids'
import { ApplicantsRepository } from '../db/tables/applicants/repository'
import { EventsRepository } from '../db/tables/events/repository'
import { StepsRepository } from '../db/tables/steps/repository'
import * as applicantsSql from '../db/tables/applicants/statements'
import { DB_FILE } from './store'
import { openTestStore, type TestStore } from './test-fixtures'

const APPLICANTS = 10_000
const EVENTS = 100_000

let t: TestStore

/** Seeds through the repositories in one transaction (the service API would fsync 10,000 times). */
function seed(dir: string, now: number): void {
  const db = openDatabase({ file: join(dir, DB_FILE) })
  const applicants = new ApplicantsRepository(db)
  const steps = new StepsRepository(db)
  const events = new EventsRepository(db)
  db.transaction(() => {
    for (let i = 0; i < APPLICANTS; i += 1) {
      const at = now - (APPLICANTS - i) * 60_000
      const id = newSortableId(at)
      applicants.insert({
        id,
        reference: `20240101-${String(i).padStart(5, '0')}`,
        label: `王* ····${String(i % 10_000).padStart(4, '0')}`,
        documentType: 'id_card',
        country: 'CHN',
        language: null,
        livenessAuto: false,
        consent: { version: 'v1', at },
        // Realistic ciphertext sizes, so rows take the room real ones do.
        identityEnc: randomBytes(420),
        bindingEnc: randomBytes(110),
        status: 'draft',
        operatorId: null,
        createdAt: at,
        capturedAt: at,
      })
      const queued = i % 10 !== 0
      let snapshots: StepSnapshot[] = []
      if (queued) {
        applicants.setQueued(id, at)
        steps.insertPending(id, submissionSteps, at)
        const progress = i % submissionSteps.length
        snapshots = steps.forApplicant(id).map((s, index): StepSnapshot => {
          if (index < progress) return { ...s, state: 'done', attempts: 1 }
          if (index === progress && i % 7 === 0) return { ...s, state: 'pending', attempts: 2, nextAttemptAt: now + 1000, lastError: { kind: 'transient', code: '503', message: 'busy' } }
          if (index === progress && i % 11 === 0) return { ...s, state: 'failed', attempts: 1, lastError: { kind: 'refused', code: '-1', message: 'no' } }
          return s
        })
        for (const s of snapshots) steps.update(id, s)
      }
      applicants.setDerived(id, deriveStatus(snapshots, queued), null, at)
    }
    for (let i = 0; i < EVENTS; i += 1) {
      events.append({ at: now - i, applicantId: null, operatorId: null, type: 'step-done', details: { step: 'sts' } })
    }
  })()
  db.close()
}

/** SQLite's plan for a statement, one detail line per step. */
function plan(sql: string, params: Record<string, unknown> | unknown[] = []): string {
  const db = openDatabase({ file: join(t.dir, DB_FILE) })
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(Array.isArray(params) ? params : [params])) as { detail: string }[]
    return rows.map((r) => r.detail).join('\n')
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  t = await openTestStore()
  seed(t.dir, t.clock.now)
}, 120_000)
afterAll(() => t.cleanup())

// Speed is measured by `npm run bench -- queue`, never here: these tests check the answers and
// that SQLite answers from an index rather than by scanning the table.
describe(`dashboard queries over ${APPLICANTS} applicants and ${EVENTS} events`, () => {
  it('counts per status from the table the triggers keep, without touching the applicants', () => {
    const counts = t.store.applicants.countsByStatus()
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(APPLICANTS)
    expect(counts['waiting-retry']).toBeGreaterThan(0)
    expect(counts['needs-attention']).toBeGreaterThan(0)
    const db = openDatabase({ file: join(t.dir, DB_FILE) })
    try {
      const truth = db.prepare('SELECT status, count(*) AS n FROM applicants GROUP BY status').all() as { status: string; n: number }[]
      expect(Object.entries(counts).filter(([, n]) => n > 0)).toEqual(expect.arrayContaining(truth.map((r) => [r.status, r.n])))
      expect(Object.values(counts).filter((n) => n > 0)).toHaveLength(truth.length)
    } finally {
      db.close()
    }
    expect(plan(applicantsSql.countsByStatus)).not.toMatch(/applicants\b/)
  })

  it.each([
    ['first page', {}],
    ['a status', { status: 'waiting-retry' as const }],
    ['a deep page', { offset: 9_000 }],
    ['a search', { search: '····12' }],
    ['oldest first', { order: 'oldest' as const }],
  ])('lists %s: 200 rows with their steps', (_name, query) => {
    const page = t.store.applicants.list({ limit: 200, ...query })
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.length).toBeLessThanOrEqual(200)
    expect(page.items.every((item) => item.steps.length === 0 || item.steps.length === submissionSteps.length)).toBe(true)
  })

  it('pages by status and by time from their indexes, never sorting the whole table', () => {
    const byStatus = plan(applicantsSql.list({ status: true, search: false, order: 'newest' }), { status: 'queued', limit: 200, offset: 0 })
    expect(byStatus).toMatch(/USING INDEX applicants_by_status/)
    expect(byStatus).not.toMatch(/TEMP B-TREE/)
    const newest = plan(applicantsSql.list({ status: false, search: false, order: 'newest' }), { limit: 200, offset: 0 })
    expect(newest).toMatch(/applicants_by_created/)
    expect(newest).not.toMatch(/TEMP B-TREE/)
  })

  it('finds due work from the due index', () => {
    expect(Array.isArray(t.store.steps.dueApplicants(t.clock.now, 10))).toBe(true)
    expect(plan(applicantsSql.due, [t.clock.now, 10])).toMatch(/USING INDEX applicants_due/)
  })
})
