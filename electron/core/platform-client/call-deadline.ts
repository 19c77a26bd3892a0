/** Timers as a deadline sees them; tests pass ones they fire by hand. */
export interface DeadlineTimers {
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export const systemTimers: DeadlineTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

export interface CallDeadline {
  readonly signal: AbortSignal
  expired(): boolean
  clear(): void
}

/** One call's total time limit: aborts the request when it passes, whatever the bytes are doing. */
export function callDeadline(ms: number, timers: DeadlineTimers): CallDeadline {
  const controller = new AbortController()
  let expired = false
  const handle = timers.setTimeout(() => {
    expired = true
    controller.abort(new Error(`deadline of ${ms} ms passed`))
  }, ms)
  return {
    signal: controller.signal,
    expired: () => expired,
    clear: () => timers.clearTimeout(handle),
  }
}
