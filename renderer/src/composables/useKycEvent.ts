import { onScopeDispose } from 'vue'
import type { EventName, EventPayloadOf } from '../../../shared/contract'

/**
 * Subscribes to a core event for the life of the calling component or store scope, and removes
 * exactly this listener (not every listener of the event) when the scope ends.
 */
export function useKycEvent<E extends EventName>(event: E, handler: (payload: EventPayloadOf<E>) => void): () => void {
  const off = window.kyc.on(event, handler)
  onScopeDispose(off)
  return off
}
