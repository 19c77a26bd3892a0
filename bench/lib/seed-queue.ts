import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { submissionSteps, type StepSnapshot } from '../../shared/domain/steps'
import { seedHistory } from '../../electron/core/queue/seed-history'
import { DB_FILE } from '../../electron/core/queue/store'

/** A seeded history's size: the dashboard renders 10,000 rows; the queue benchmark reads from 100,000. */
export interface SeedSize {
  readonly applicants: number
  readonly events: number
}
export const DASHBOARD_SEED: SeedSize = { applicants: 10_000, events: 100_000 }
export const LARGE_SEED: SeedSize = { applicants: 100_000, events: 1_000_000 }
export const SEED_APPLICANTS = DASHBOARD_SEED.applicants

const seedFileFor = (size: SeedSize) => join(import.meta.dirname, '..', '.data', `queue-seed-v5-${size.applicants}-${size.events}`, DB_FILE)

/** Progress through the nine submission steps, retries and refusals, as months of a branch's history look. */
function stepsFor(i: number, applicants: number, snapshots: StepSnapshot[], now: number): StepSnapshot[] {
  // Most applicants of months past are done; the recent tail is spread over the steps.
  const progress = i < applicants * 0.8 ? submissionSteps.length : i % (submissionSteps.length + 1)
  return snapshots.map((s, index): StepSnapshot => {
    if (index < progress) return { ...s, state: 'done', attempts: 1 }
    if (index === progress && i % 7 === 0) return { ...s, state: 'pending', attempts: 2, nextAttemptAt: now + 60_000, lastError: { kind: 'transient', code: 'HTTP_503', message: 'busy' } }
    if (index === progress && i % 11 === 0) return { ...s, state: 'failed', attempts: 1, lastError: { kind: 'refused', code: '-1000', message: 'Invalid parameter' } }
    return s
  })
}

/** Months of a branch's history, events attached to applicants. */
function seed(file: string, now: number, size: SeedSize): void {
  seedHistory(file, now, {
    applicants: size.applicants,
    events: size.events,
    // The same span of history whatever the size (ten weeks), so retention purges none of it at start.
    spacingMs: Math.round((10_000 * 600_000) / size.applicants),
    referencePrefix: '20250101',
    passport: (i) => i % 9 === 0,
    queued: (i) => i % 20 !== 0,
    steps: (i, pending) => stepsFor(i, size.applicants, pending, now),
    event: (j, ids) => ({
      at: now - (size.events - j) * 60_000,
      applicantId: ids[j % ids.length] ?? null,
      operatorId: null,
      type: 'step-done',
      details: { step: submissionSteps[j % submissionSteps.length] ?? 'sts' },
    }),
  })
}

/**
 * A fresh data folder holding a copy of a seeded database (`size`; the dashboard's by default),
 * seeded once into bench/.data and copied each run, so every run starts from the same state.
 */
export function seededDataDir(size: SeedSize = DASHBOARD_SEED): string {
  const seedFile = seedFileFor(size)
  if (!existsSync(seedFile)) {
    mkdirSync(join(seedFile, '..'), { recursive: true })
    rmSync(`${seedFile}.part`, { force: true })
    seed(`${seedFile}.part`, Date.now(), size)
    renameSync(`${seedFile}.part`, seedFile)
  }
  const dir = mkdtempSync(join(tmpdir(), 'kyc-bench-queue-'))
  copyFileSync(seedFile, join(dir, DB_FILE))
  return dir
}
