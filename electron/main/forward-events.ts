import { eventChannel, eventNames } from '../../shared/contract/names'
import type { EventBus } from '../core/events/event-bus'

/** Sends every contract event from the core to one window; returns the function that stops it. */
export function forwardEvents(events: EventBus, send: (channel: string, payload: unknown) => void): () => void {
  const stops = eventNames.map((name) => events.on(name, (payload) => send(eventChannel(name), payload)))
  return () => stops.forEach((stop) => stop())
}
