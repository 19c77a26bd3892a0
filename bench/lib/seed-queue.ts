import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { submissionSteps, type StepSnapshot } from '../../shared/domain/steps'
import { seedHistory } from '../../electron/core/queue/seed-history'
import { DB_FILE } from '../../electron/core/queue/store'

export const SEED_APPLICANTS = 10_000
export const SEED_EVENTS = 100_000
const seedFile = join(import.meta.dirname, '..', '.data', 'queue-seed-v3', DB_FILE)

/** Progress through the nine submission steps, retries and refusals, as months of a branch's history look. */
function stepsFor(i: number, snapshots: StepSnapshot[], now: number): StepSnapshot[] {
  // Most applicants of months past are done; the recent tail is spread over the steps.
  const progress = i < SEED_APPLICANTS * 0.8 ? submissionSteps.length : i % (submissionSteps.length + 1)
  return snapshots.map((s, index): StepSnapshot => {
    if (index < progress) return { ...s, state: 'done', attempts: 1 }
    if (index === progress && i % 7 === 0) return { ...s, state: 'pending', attempts: 2, nextAttemptAt: now + 60_000, lastError: { kind: 'transient', code: 'HTTP_503', message: 'busy' } }
    if (index === progress && i % 11 === 0) return { ...s, state: 'failed', attempts: 1, lastError: { kind: 'refused', code: '-1000', message: 'Invalid parameter' } }
    return s
  })
}

/** Months of a branch's history, events attached to applicants. */
function seed(file: string, now: number): void {
  seedHistory(file, now, {
    applicants: SEED_APPLICANTS,
    events: SEED_EVENTS,
    spacingMs: 600_000,
    referencePrefix: '20250101',
    passport: (i) => i % 9 === 0,
    queued: (i) => i % 20 !== 0,
    steps: (i, pending) => stepsFor(i, pending, now),
    event: (j, ids) => ({
      at: now - (SEED_EVENTS - j) * 60_000,
      applicantId: ids[j % ids.length] ?? null,
      operatorId: null,
      type: 'step-done',
      details: { step: submissionSteps[j % submissionSteps.length] ?? 'sts' },
    }),
  })
}

/**
 * A fresh data folder holding a copy of the seeded database (10,000 applicants, 100,000 events),
 * seeded once into bench/.data and copied each run, so every run starts from the same state.
 */
export function seededDataDir(): string {
  if (!existsSync(seedFile)) {
    mkdirSync(join(seedFile, '..'), { recursive: true })
    rmSync(`${seedFile}.part`, { force: true })
    seed(`${seedFile}.part`, Date.now())
    renameSync(`${seedFile}.part`, seedFile)
  }
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-queue-'))
  copyFileSync(seedFile, join(dir, DB_FILE))
  return dir
}
