import { channelNames, eventChannel, eventNames, type ChannelName, type EventName } from '../../shared/contract/names'
import type { IpcResult } from '../../shared/contract/errors'

/** The two Electron calls the bridge needs, as a small interface so it can be tested without Electron. */
export interface RendererTransport {
  invoke(channel: string, request: unknown): Promise<unknown>
  /** Listen on an IPC channel; the listener receives only the payload, never the Electron event. */
  listen(channel: string, listener: (payload: unknown) => void): () => void
}

export interface UntypedBridge {
  invoke(channel: string, request: unknown): Promise<IpcResult<unknown>>
  on(event: string, handler: (payload: unknown) => void): () => void
}

const allowedChannels: ReadonlySet<string> = new Set<ChannelName>(channelNames)
const allowedEvents: ReadonlySet<string> = new Set<EventName>(eventNames)

/**
 * Builds `window.kyc`: only the contract's channels and events pass, anything else is refused
 * here before it reaches main (where dispatch refuses it again).
 */
export function createBridge(transport: RendererTransport): UntypedBridge {
  return Object.freeze({
    invoke(channel: string, request: unknown): Promise<IpcResult<unknown>> {
      if (typeof channel !== 'string' || !allowedChannels.has(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `Unknown channel "${String(channel)}"` } })
      }
      return transport.invoke(channel, request) as Promise<IpcResult<unknown>>
    },
    on(event: string, handler: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || !allowedEvents.has(event) || typeof handler !== 'function') {
        throw new TypeError(`Unknown event "${String(event)}"`)
      }
      return transport.listen(eventChannel(event as EventName), (payload) => handler(payload))
    },
  })
}
