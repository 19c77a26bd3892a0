import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { submissionSteps, type StepSnapshot } from '../../../shared/domain/steps'
import { openDatabase } from '../db/connection'
import * as applicantsSql from '../db/tables/applicants/statements'
import { seedHistory } from './seed-history'
import { DB_FILE } from './store'
import { openTestStore, type TestStore } from './test-fixtures'

const APPLICANTS = 10_000
const EVENTS = 100_000

let t: TestStore

/** 10,000 applicants at every stage, with retries and refusals, and 100,000 events. */
function seed(dir: string, now: number): void {
  seedHistory(join(dir, DB_FILE), now, {
    applicants: APPLICANTS,
    events: EVENTS,
    spacingMs: 60_000,
    referencePrefix: '20240101',
    passport: () => false,
    queued: (i) => i % 10 !== 0,
    steps: (i, pending) => {
      const progress = i % submissionSteps.length
      return pending.map((s, index): StepSnapshot => {
        if (index < progress) return { ...s, state: 'done', attempts: 1 }
        if (index === progress && i % 7 === 0) return { ...s, state: 'pending', attempts: 2, nextAttemptAt: now + 1000, lastError: { kind: 'transient', code: '503', message: 'busy' } }
        if (index === progress && i % 11 === 0) return { ...s, state: 'failed', attempts: 1, lastError: { kind: 'refused', code: '-1', message: 'no' } }
        return s
      })
    },
    event: (j) => ({ at: now - j, applicantId: null, operatorId: null, type: 'step-done', details: { step: 'sts' } }),
  })
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
    const byStatus = plan(applicantsSql.list({ status: true, search: false, training: false, order: 'newest' }), { status: 'queued', limit: 200, offset: 0 })
    expect(byStatus).toMatch(/USING INDEX applicants_by_status/)
    expect(byStatus).not.toMatch(/TEMP B-TREE/)
    const newest = plan(applicantsSql.list({ status: false, search: false, training: false, order: 'newest' }), { limit: 200, offset: 0 })
    expect(newest).toMatch(/applicants_by_created/)
    expect(newest).not.toMatch(/TEMP B-TREE/)
  })

  it('finds due work from the due index', () => {
    expect(Array.isArray(t.store.steps.dueApplicants(t.clock.now, 10))).toBe(true)
    expect(plan(applicantsSql.due, ['training', t.clock.now, 10])).toMatch(/USING INDEX applicants_due/)
  })
})
