import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE } from '../../electron/core/queue/store'
import type { KycStore } from '../../electron/core/queue/store'
import type { StepName } from '../../shared/domain/steps'

export interface DueStep {
  readonly id: string
  readonly step: StepName
}

/** Applicants with a step due now, and that step: each takes two transitions, started and done. */
export function dueSteps(store: KycStore, count: number): DueStep[] {
  return store.steps.dueWork(Date.now(), count).flatMap((w) => (w.due[0] ? [{ id: w.applicantId, step: w.due[0] }] : []))
}

/**
 * The same rows written as bare SQL on an identical copy of the database: per transition one
 * transaction that updates the step, appends the event and sets the applicant's status, in WAL
 * with synchronous=FULL. No reads, no state machine, no validation, no listeners.
 */
export function bareWriter(dataDir: string) {
  const db = new Database(join(dataDir, DB_FILE))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  const step = db.prepare(`UPDATE applicant_steps SET state = ?, attempts = attempts + 1, next_attempt_at = NULL, updated_at = ? WHERE applicant_id = ? AND name = ?`)
  const event = db.prepare(`INSERT INTO events (at, applicant_id, operator_id, type, details) VALUES (?, ?, NULL, ?, json_object('step', ?))`)
  const status = db.prepare(`UPDATE applicants SET status = 'syncing', due_at = NULL, updated_at = ? WHERE id = ?`)
  const write = db.transaction(({ id, step: name }: DueStep, state: 'running' | 'done', at: number) => {
    step.run(state, at, id, name)
    event.run(at, id, state === 'running' ? 'step-started' : 'step-done', name)
    status.run(at, id)
  })
  return {
    /** Two transactions per applicant; returns the ms they took. */
    run(due: readonly DueStep[]): number {
      const started = performance.now()
      for (const d of due) {
        write.immediate(d, 'running', Date.now())
        write.immediate(d, 'done', Date.now())
      }
      return performance.now() - started
    },
    close: () => db.close(),
  }
}

/** The app's path for the same transitions: StepService.markStep (read, state machine, derive, log, publish). */
export function storeWriter(store: KycStore) {
  return {
    run(due: readonly DueStep[]): number {
      const started = performance.now()
      for (const { id, step } of due) {
        if (!store.steps.markStep(id, step, { kind: 'started' }).ok) throw new Error(`could not start ${step} of ${id}`)
        if (!store.steps.markStep(id, step, { kind: 'done' }).ok) throw new Error(`could not finish ${step} of ${id}`)
      }
      return performance.now() - started
    },
  }
}
