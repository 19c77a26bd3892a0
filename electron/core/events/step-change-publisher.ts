import type { StepChange } from '../../../shared/contract'

export interface StepChangePublisherOptions {
  /** How long changes gather before they are sent together. */
  readonly windowMs?: number
  readonly publish: (changes: StepChange[]) => void
  readonly setTimer?: (fn: () => void, ms: number) => unknown
  readonly clearTimer?: (handle: unknown) => void
}

/**
 * Batches step changes for the renderer: a thousand applicants syncing would otherwise send
 * thousands of messages a second. Within a window only the newest change per applicant and step
 * is kept; a step that finishes or fails flushes at once so the operator sees outcomes promptly.
 */
export class StepChangePublisher {
  private pending = new Map<string, StepChange>()
  private timer: unknown = null
  private readonly windowMs: number
  private readonly setTimer: (fn: () => void, ms: number) => unknown
  private readonly clearTimer: (handle: unknown) => void

  constructor(private readonly options: StepChangePublisherOptions) {
    this.windowMs = options.windowMs ?? 100
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms))
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as NodeJS.Timeout))
  }

  push(change: StepChange): void {
    this.pending.set(`${change.applicantId}\u0000${change.step}`, change)
    if (change.state === 'done' || change.state === 'failed') {
      this.flush()
      return
    }
    this.timer ??= this.setTimer(() => this.flush(), this.windowMs)
  }

  flush(): void {
    if (this.timer !== null) {
      this.clearTimer(this.timer)
      this.timer = null
    }
    if (this.pending.size === 0) return
    const changes = [...this.pending.values()]
    this.pending = new Map()
    this.options.publish(changes)
  }
}
