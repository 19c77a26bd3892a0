import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channelNames } from '../../shared/contract/names'
import { dispatch } from '../core/ipc/dispatch'
import type { HandlerTable } from '../core/ipc/handler-table'
import type { SenderPolicy } from '../core/ipc/sender-policy'
import type { Logger } from '../core/log/logger'

export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>

/** The URL of the frame that sent the message; an event without a live frame is refused. */
export function senderUrlOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  return event.senderFrame?.url ?? ''
}

/**
 * Registers exactly the contract's channels, each through `dispatch` (sender check, request
 * schema, handler, response schema). Returns a function that removes them again.
 */
export function registerIpc(ipc: IpcMainLike, table: HandlerTable, policy: SenderPolicy, log: Logger): () => void {
  for (const channel of channelNames) {
    ipc.handle(channel, (event, request: unknown) => dispatch(table, channel, request, senderUrlOf(event), policy, log))
  }
  return () => {
    for (const channel of channelNames) ipc.removeHandler(channel)
  }
}
