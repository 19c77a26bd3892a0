import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deriveStatus } from '../../shared/domain/status'
import { submissionSteps, type StepSnapshot } from '../../shared/domain/steps'
import { openDatabase } from '../../electron/core/db/connection'
import { newSortableId } from '../../electron/core/db/ids'
import { ApplicantsRepository } from '../../electron/core/db/tables/applicants/repository'
import { EventsRepository } from '../../electron/core/db/tables/events/repository'
import { StepsRepository } from '../../electron/core/db/tables/steps/repository'
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

/**
 * Writes the database straight through the repositories in one transaction (the service API
 * would fsync 10,000 times), like the queue's own performance test, with the events attached to
 * applicants. Identity and binding columns get random bytes of realistic ciphertext size: the
 * dashboard never decrypts.
 */
function seed(file: string, now: number): void {
  const db = openDatabase({ file })
  const applicants = new ApplicantsRepository(db)
  const steps = new StepsRepository(db)
  const events = new EventsRepository(db)
  const ids: string[] = []
  db.transaction(() => {
    for (let i = 0; i < SEED_APPLICANTS; i += 1) {
      const at = now - (SEED_APPLICANTS - i) * 600_000
      const id = newSortableId(at)
      ids.push(id)
      applicants.insert({
        id,
        reference: `20250101-${String(i).padStart(5, '0')}`,
        label: `王* ····${String(i % 10_000).padStart(4, '0')}`,
        documentType: i % 9 === 0 ? 'passport' : 'id_card',
        country: i % 9 === 0 ? 'GBR' : 'CHN',
        language: null,
        livenessAuto: false,
        consent: { version: 'v1', at },
        identityEnc: randomBytes(420),
        bindingEnc: randomBytes(110),
        status: 'draft',
        operatorId: null,
        createdAt: at,
        capturedAt: at,
      })
      const queued = i % 20 !== 0
      let snapshots: StepSnapshot[] = []
      if (queued) {
        applicants.setQueued(id, at)
        steps.insertPending(id, submissionSteps, at)
        snapshots = stepsFor(i, steps.forApplicant(id), now)
        for (const s of snapshots) steps.update(id, s)
      }
      // Never due: the ciphertexts are random bytes, so an engine started over this history must
      // not pick these rows up (it would only quarantine them, one failed decryption at a time).
      applicants.setDerived(id, deriveStatus(snapshots, queued), null, at)
    }
    for (let i = 0; i < SEED_EVENTS; i += 1) {
      const applicantId = ids[i % ids.length] ?? null
      events.append({ at: now - (SEED_EVENTS - i) * 60_000, applicantId, operatorId: null, type: 'step-done', details: { step: submissionSteps[i % submissionSteps.length] ?? 'sts' } })
    }
  })()
  db.close()
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
