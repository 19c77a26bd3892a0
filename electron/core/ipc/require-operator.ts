import type { ChannelName } from '../../../shared/contract/names'
import type { Handler, HandlerTable } from './handler-table'

/** Channels that work while no operator is signed in: what the sign-in screen itself needs. */
export const openChannels = new Set<ChannelName>([
  'app:info',
  'operators:status',
  'operators:create',
  'operators:sign-in',
  'operators:sign-out',
  'operators:heartbeat',
])

/**
 * Every other channel needs a signed-in operator: personal data is shown and changed only by
 * someone the audit log can name. The check runs before the handler, so a locked session reads
 * nothing.
 */
export function requireOperator(table: HandlerTable, require: () => string): HandlerTable {
  const guarded: Partial<Record<ChannelName, Handler<ChannelName>>> = {}
  for (const [channel, handler] of Object.entries(table) as [ChannelName, Handler<ChannelName>][]) {
    guarded[channel] = openChannels.has(channel)
      ? handler
      : (request, context) => {
          require()
          return handler(request as never, context)
        }
  }
  return guarded as HandlerTable
}
