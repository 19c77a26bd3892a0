import { randomBytes } from 'node:crypto'
import { trainingEnvironment } from '../../../shared/domain/environment'
import { bindingExpiredRule } from '../../../shared/domain/error-actions'
import { deriveStatus } from '../../../shared/domain/status'
import { submissionSteps, type StepSnapshot } from '../../../shared/domain/steps'
import { openDatabase } from '../db/connection'
import { newSortableId } from '../db/ids'
import { ApplicantsRepository } from '../db/tables/applicants/repository'
import { EventsRepository, type NewEvent } from '../db/tables/events/repository'
import { StepsRepository } from '../db/tables/steps/repository'

/** What a seeded history looks like; applicant `i` is the i-th oldest. */
export interface HistoryShape {
  readonly applicants: number
  readonly events: number
  /** Time between two applicants' creation; the last one is created just before `now`. */
  readonly spacingMs: number
  /** References are `<prefix>-<i, five digits>`. */
  readonly referencePrefix: string
  readonly passport: (i: number) => boolean
  readonly queued: (i: number) => boolean
  /** A queued applicant's steps, given them all pending: its progress, retries and refusals. */
  readonly steps: (i: number, pending: StepSnapshot[]) => StepSnapshot[]
  /** The j-th event, given the applicants' ids oldest first. */
  readonly event: (j: number, ids: readonly string[]) => NewEvent
}

/**
 * Writes a branch's history straight through the repositories in one transaction (the service API
 * would fsync once per applicant), for the queue's tests and benchmarks at 10,000 applicants.
 * Identity and binding get random bytes of realistic ciphertext size: listing never decrypts, and
 * no row is left due, so an engine started over this history does not pick them up (it could not
 * decrypt them).
 */
export function seedHistory(file: string, now: number, shape: HistoryShape): void {
  const db = openDatabase({ file })
  try {
    const applicants = new ApplicantsRepository(db)
    const steps = new StepsRepository(db)
    const events = new EventsRepository(db)
    const ids: string[] = []
    db.transaction(() => {
      for (let i = 0; i < shape.applicants; i += 1) {
        const at = now - (shape.applicants - i) * shape.spacingMs
        const id = newSortableId(at)
        ids.push(id)
        const passport = shape.passport(i)
        applicants.insert({
          id,
          reference: `${shape.referencePrefix}-${String(i).padStart(5, '0')}`,
          label: `王* ····${String(i % 10_000).padStart(4, '0')}`,
          documentType: passport ? 'passport' : 'id_card',
          country: passport ? 'GBR' : 'CHN',
          language: null,
          livenessAuto: false,
          consent: { version: 'v1', at },
          identityEnc: randomBytes(420),
          bindingEnc: randomBytes(110),
          bindingAt: at,
          status: 'draft',
          operatorId: null,
          createdAt: at,
          capturedAt: at,
          environment: trainingEnvironment,
        })
        const queued = shape.queued(i)
        let snapshots: StepSnapshot[] = []
        if (queued) {
          applicants.setQueued(id, at)
          steps.insertPending(id, submissionSteps, at)
          snapshots = shape.steps(i, steps.forApplicant(id))
          for (const s of snapshots) steps.update(id, s)
        }
        applicants.setDerived(id, deriveStatus(snapshots, queued, bindingExpiredRule({})), null, at)
      }
      for (let j = 0; j < shape.events; j += 1) events.append(shape.event(j, ids))
    })()
  } finally {
    db.close()
  }
}
