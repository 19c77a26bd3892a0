import type { ApplicantStatus } from '../../../shared/domain/status'
import type { StepName } from '../../../shared/domain/steps'

export interface SyncLastError {
  readonly applicantId: string
  readonly step: StepName
  readonly code: string
  /** Already redacted. */
  readonly message: string
  readonly at: number
}

/** What the engine is doing, for a status bar and for the command line's idle check. */
export interface SyncEngineState {
  /** Started and not stopped (it may still be paused or offline). */
  readonly running: boolean
  /** Paused by the operator, by a full disk, or stopped by a refused disk sync. */
  readonly paused: boolean
  /** Paused because the disk is full: sync goes on by itself once there is space again. */
  readonly diskFull: boolean
  /** False while the platform is unreachable: every applicant waits, one probe runs. */
  readonly online: boolean
  /** Applicants being worked on right now. */
  readonly inFlight: number
  /** Applicants with submission work left: queued, syncing or waiting to retry. */
  readonly queued: number
  readonly lastError?: SyncLastError
}

export type SyncStateListener = (state: SyncEngineState) => void

/** The statuses that still have submission work ahead (liveness polling is not counted). */
export function countQueued(counts: Readonly<Record<ApplicantStatus, number>>): number {
  return counts.queued + counts.syncing + counts['waiting-retry']
}

/** Notifies listeners only when the state actually changed, so a busy engine is not a noisy one. */
export class StateEmitter {
  private last = ''
  private readonly listeners = new Set<SyncStateListener>()

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  on(listener: SyncStateListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  offer(state: SyncEngineState): void {
    const key = JSON.stringify(state)
    if (key === this.last) return
    this.last = key
    for (const listener of this.listeners) {
      // A broken listener (a closed window) must not stop the engine mid-pump.
      try {
        listener(state)
      } catch (error) {
        this.onListenerError(error)
      }
    }
  }
}
