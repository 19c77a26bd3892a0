import Database from 'better-sqlite3'
import { join } from 'node:path'
import { DB_FILE } from '../../electron/core/queue/store'
import type { KycStore } from '../../electron/core/queue/store'
import { z } from 'zod'
import { stepNameSchema } from '../../shared/domain/steps'

const dueStepRow = z.object({ id: z.string(), step: stepNameSchema })
export type DueStep = z.infer<typeof dueStepRow>

/**
 * Queued applicants with their first pending step (none running or failed): each takes two
 * transitions, started and done. Read from the copy the bare loop writes to, which starts
 * identical to the app's (the seeded rows are never due, so the scheduler would not list them).
 */
export function pendingSteps(dataDir: string, count: number): DueStep[] {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true })
  try {
    const rows = db
      .prepare(
        `SELECT s.applicant_id AS id, s.name AS step FROM applicant_steps s JOIN applicants a ON a.id = s.applicant_id
         WHERE a.queued = 1 AND a.purged_at IS NULL AND s.state = 'pending'
           AND s.seq = (SELECT min(seq) FROM applicant_steps p WHERE p.applicant_id = s.applicant_id AND p.state = 'pending')
           AND NOT EXISTS (SELECT 1 FROM applicant_steps o WHERE o.applicant_id = s.applicant_id AND o.state IN ('running', 'failed'))
         ORDER BY s.applicant_id LIMIT ?`,
      )
      .all(count)
    return rows.map((r) => dueStepRow.parse(r))
  } finally {
    db.close()
  }
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
