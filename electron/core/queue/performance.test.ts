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
import { DB_FILE } from './store'
import { openTestStore, type TestStore } from './test-fixtures'

const APPLICANTS = 10_000
const EVENTS = 100_000
const BUDGET_MS = 20

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

function medianMs(fn: () => unknown): number {
  fn()
  const samples: number[] = []
  for (let i = 0; i < 15; i += 1) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  return samples.sort((a, b) => a - b)[7] ?? Infinity
}

beforeAll(async () => {
  t = await openTestStore()
  seed(t.dir, t.clock.now)
}, 120_000)
afterAll(() => t.cleanup())

describe(`dashboard queries over ${APPLICANTS} applicants and ${EVENTS} events`, () => {
  it('counts per status from the indexed status column', () => {
    const counts = t.store.applicants.countsByStatus()
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(APPLICANTS)
    expect(counts['waiting-retry']).toBeGreaterThan(0)
    expect(counts['needs-attention']).toBeGreaterThan(0)
    expect(medianMs(() => t.store.applicants.countsByStatus())).toBeLessThan(BUDGET_MS)
  })

  it.each([
    ['first page', {}],
    ['a status', { status: 'waiting-retry' as const }],
    ['a deep page', { offset: 9_000 }],
    ['a search', { search: '····12' }],
    ['oldest first', { order: 'oldest' as const }],
  ])('lists %s (200 rows with their steps) within budget', (_name, query) => {
    const page = t.store.applicants.list({ limit: 200, ...query })
    expect(page.items.length).toBeGreaterThan(0)
    expect(medianMs(() => t.store.applicants.list({ limit: 200, ...query }))).toBeLessThan(BUDGET_MS)
  })

  it('finds due work without scanning', () => {
    expect(medianMs(() => t.store.steps.dueWork(t.clock.now, 10))).toBeLessThan(BUDGET_MS)
  })
})
