import type { IpcResult } from './errors'
import type { ChannelName, EventName } from './names'
import type { EventPayloadOf, RequestOf, ResponseOf } from './schemas'

/**
 * What the preload exposes as `window.kyc`, and the only way the renderer reaches main.
 * The channel literal picks the request and response types; callers never name a type argument.
 */
export interface KycBridge {
  invoke<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>>
  /** Subscribe to an event; returns the function that removes exactly this listener. */
  on<E extends EventName>(event: E, handler: (payload: EventPayloadOf<E>) => void): () => void
}
