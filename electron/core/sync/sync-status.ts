import type { SyncState } from '../../../shared/contract/sync'
import type { ApplicantStatus } from '../../../shared/domain/status'
import type { SyncEngineState } from './index'

export interface SyncStatusDeps {
  readonly engineState: () => SyncEngineState
  readonly counts: () => Record<ApplicantStatus, number>
  /** Applicants queued since the branch's midnight that the platform now holds. */
  readonly doneToday: () => number
  readonly publish: (state: SyncState) => void
}

/**
 * The sync bar's one source: the engine's state plus the counts per status. Recomputed when the
 * engine reports a change and when a batch of step changes was published (both already batched),
 * and sent only when something the bar shows actually changed.
 */
export class SyncStatus {
  private last = ''

  constructor(private readonly deps: SyncStatusDeps) {}

  current(): SyncState {
    const engine = this.deps.engineState()
    const counts = this.deps.counts()
    return {
      running: engine.running,
      paused: engine.paused,
      diskFull: engine.diskFull,
      online: engine.online,
      inFlight: engine.inFlight,
      queued: engine.queued,
      lastError: engine.lastError ?? null,
      counts,
      today: { done: this.deps.doneToday(), left: counts.queued + counts.syncing + counts['waiting-retry'] },
    }
  }

  refresh(): void {
    const state = this.current()
    const key = JSON.stringify(state)
    if (key === this.last) return
    this.last = key
    this.deps.publish(state)
  }
}
