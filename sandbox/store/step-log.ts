import type { SqliteDatabase } from './database'

/** One platform call as the sandbox judged it, kept for the admin API (what the app really sent). */
export interface StepLogEntry {
  call: string
  step: number | null
  /** accepted: stored; unchanged: an idempotent repeat; reset: a step-1 change that cleared steps 2-4; refused. */
  outcome: 'accepted' | 'unchanged' | 'reset' | 'refused'
  status: number
  message: string | null
  at: number
}

export type StepLogRepository = ReturnType<typeof createStepLogRepository>

export function createStepLogRepository(db: SqliteDatabase) {
  const insert = db.prepare<[string, string, number | null, string, number, string | null, number]>(
    'INSERT INTO step_log (uid, call, step, outcome, status, message, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  const byUid = db.prepare<[string], StepLogEntry>(
    'SELECT call, step, outcome, status, message, at FROM step_log WHERE uid = ? ORDER BY id',
  )

  return {
    append(uid: string, entry: StepLogEntry): void {
      insert.run(uid, entry.call, entry.step, entry.outcome, entry.status, entry.message, entry.at)
    },
    history(uid: string): StepLogEntry[] {
      return byUid.all(uid)
    },
  }
}
