import type { StepChange } from '../../../shared/contract/applicants'
import type { SyncEngine } from '../sync'

/**
 * New work for the engine that arrived from outside it: an applicant queued by capture or import,
 * steps an edit sent back to pending. The engine sleeps until its next due time, so it is woken
 * here (resume() pumps; it is not called while the operator has the engine paused).
 */
export function wakeOnNewWork(engine: () => SyncEngine): (changes: readonly StepChange[]) => void {
  return (changes) => {
    if (!changes.some((c) => c.state === 'pending' && c.nextAttemptAt === null)) return
    const current = engine()
    const { running, paused } = current.state()
    if (running && !paused) current.resume()
  }
}
