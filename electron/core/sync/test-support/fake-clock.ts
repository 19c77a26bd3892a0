import type { SyncClock } from '../ports'

interface Timer {
  readonly at: number
  readonly fn: () => void
}

/** Lets every pending promise callback and I/O turn run, so async work reaches its next timer. */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** A clock the test moves by hand: timers fire in time order as `advance` passes them. */
export class FakeClock implements SyncClock {
  private readonly timers = new Map<number, Timer>()
  private nextId = 1

  constructor(private current = Date.UTC(2026, 0, 5, 2, 0, 0)) {}

  now(): number {
    return this.current
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++
    this.timers.set(id, { at: this.current + Math.max(0, ms), fn })
    return id
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.timers.delete(handle)
  }

  pending(): number {
    return this.timers.size
  }

  /** Moves time forward by `ms`, firing each timer at its own time and settling after each. */
  async advance(ms: number): Promise<void> {
    const end = this.current + ms
    await settle()
    for (;;) {
      const next = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
      if (!next) break
      const [id, timer] = next
      this.timers.delete(id)
      this.current = Math.max(this.current, timer.at)
      timer.fn()
      await settle()
    }
    this.current = end
    await settle()
  }

  /** Advances in steps until `done` holds; fails after `maxMs` of fake time. */
  async until(done: () => boolean, { stepMs = 100, maxMs = 3_600_000 } = {}): Promise<void> {
    for (let waited = 0; !done(); waited += stepMs) {
      if (waited > maxMs) throw new Error(`condition not reached within ${maxMs} ms of fake time`)
      await this.advance(stepMs)
    }
  }
}
