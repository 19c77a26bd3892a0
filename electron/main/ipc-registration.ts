import { channelNames } from '../../shared/contract/names'
import { dispatch } from '../core/ipc/dispatch'
import type { HandlerTable } from '../core/ipc/handler-table'
import type { SenderPolicy } from '../core/ipc/sender-policy'
import type { Logger } from '../core/log/logger'
import type { MainIpc, SenderFrame } from './electron-modules'

/**
 * The URL of the frame that sent the message. Only a top-level frame speaks for the app: an
 * event without a live frame, or from a subframe (even one on the app's origin), gets '' and is
 * refused by every policy.
 */
export function senderUrlOf(event: { readonly senderFrame: SenderFrame | null }): string {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return ''
  return frame.url
}

/**
 * Registers exactly the contract's channels, each through `dispatch` (sender check, request
 * schema, handler, response schema). Returns a function that removes them again.
 */
export function registerIpc(ipc: MainIpc, table: HandlerTable, policy: SenderPolicy, log: Logger): () => void {
  for (const channel of channelNames) {
    ipc.handle(channel, (event, request: unknown) => dispatch(table, channel, request, senderUrlOf(event), policy, log))
  }
  return () => {
    for (const channel of channelNames) ipc.removeHandler(channel)
  }
}
