import type { StepChange } from '../../shared/contract'
import { submissionSteps } from '../../shared/domain/steps'
import type { EventBus } from '../../electron/core/events/event-bus'

interface Active {
  id: string
  /** Transitions made so far: two per step (running, then done). */
  at: number
}

/**
 * Step events as a busy engine produces them: a few applicants at a time each moving through its
 * nine steps (running, then done), a finished one replaced by the next. The applicants are the
 * ones on screen, so every change repaints something. Delivered as the progress publisher
 * batches them: one `steps:changed` message every `tickMs`.
 */
export class StepTraffic {
  private readonly active: Active[]
  private cursor = 0
  private nextId: number

  constructor(private readonly ids: readonly string[], concurrent = 8) {
    this.active = ids.slice(0, concurrent).map((id) => ({ id, at: 0 }))
    this.nextId = this.active.length
  }

  private change(): StepChange {
    const slot = this.cursor++ % this.active.length
    const a = this.active[slot] ?? { id: this.ids[0] ?? '', at: 0 }
    const step = submissionSteps[Math.floor(a.at / 2)] ?? 'sts'
    const running = a.at % 2 === 0
    a.at += 1
    const finished = a.at >= submissionSteps.length * 2
    if (finished) this.active[slot] = { id: this.ids[this.nextId++ % this.ids.length] ?? a.id, at: 0 }
    return {
      applicantId: a.id,
      step,
      state: running ? 'running' : 'done',
      attempts: 1,
      nextAttemptAt: null,
      updatedAt: Date.now(),
      error: null,
      status: finished ? 'submitted' : 'syncing',
    }
  }

  /** Emits `perSecond` changes a second for `durationMs`; returns how many went out. */
  async run(events: EventBus, durationMs: number, perSecond: number, tickMs = 10): Promise<number> {
    const perTick = Math.max(1, Math.round((perSecond * tickMs) / 1000))
    const started = performance.now()
    let sent = 0
    for (let tick = 1; performance.now() - started < durationMs; tick += 1) {
      events.emit('steps:changed', { changes: Array.from({ length: perTick }, () => this.change()) })
      sent += perTick
      // Scheduled against the start, so a late tick is caught up instead of the rate drifting down.
      const wait = started + tick * tickMs - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    }
    return sent
  }
}
