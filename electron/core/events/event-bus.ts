import type { EventName, EventPayloadOf } from '../../../shared/contract'

type Listener<E extends EventName> = (payload: EventPayloadOf<E>) => void

/**
 * Typed events from the core to whoever shows them: Electron main forwards them to the window,
 * the end-to-end harness to the page, the command line to the terminal.
 */
export class EventBus {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>()

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event)
    if (!set) {
      set = new Set()
      this.listeners.set(event, set)
    }
    set.add(listener as (payload: never) => void)
    return () => set.delete(listener as (payload: never) => void)
  }

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    const set = this.listeners.get(event)
    if (!set) return
    for (const listener of set) (listener as Listener<E>)(payload)
  }
}
