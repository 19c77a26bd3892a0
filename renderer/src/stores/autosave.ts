export interface Autosave {
  /** Saves `delayMs` after the last call (the operator paused typing). */
  schedule(): void
  /** Saves now (after any save in flight) and resolves when it is stored; `save` replaces the usual save once. */
  flush(save?: () => Promise<void>): Promise<void>
  cancel(): void
  readonly pending: boolean
}

/**
 * Debounced, one-at-a-time saving: saves never overlap, so they reach main in the order typed,
 * and a flush (before queueing, before opening another draft) waits for the one in flight.
 */
export function createAutosave(save: () => Promise<void>, delayMs: number): Autosave {
  let timer: ReturnType<typeof setTimeout> | null = null
  let chain: Promise<void> = Promise.resolve()
  const cancel = () => {
    if (timer !== null) clearTimeout(timer)
    timer = null
  }
  const flush = (once: () => Promise<void> = save) => {
    cancel()
    chain = chain.then(once, once)
    return chain
  }
  return {
    schedule() {
      cancel()
      timer = setTimeout(() => void flush(), delayMs)
    },
    flush,
    cancel,
    get pending() {
      return timer !== null
    },
  }
}
