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

/** Signed in with a temporary PIN: the only other thing allowed is choosing a new one. */
const pinChangeChannels = new Set<ChannelName>(['operators:change-pin', 'operators:set-language'])

/**
 * Whole channels only an admin may call. Admin-only parts of shared channels (the admin-only
 * settings, a personal-data export) are checked by their handlers with `requireAdmin`.
 */
export const adminChannels = new Set<ChannelName>([
  'operators:list',
  'operators:add',
  'operators:disable',
  'operators:enable',
  'operators:reset-pin',
  'operators:set-role',
  'backup:create',
  'training:leave-checklist',
  'training:remove-applicants',
])

export interface AccessGuard {
  /** Throws LOCKED without a signed-in operator, FORBIDDEN while a temporary PIN is unchanged (unless allowed). */
  requireOperator(options?: { allowPinChange?: boolean }): unknown
  /** Throws FORBIDDEN, and audits the refusal, for anyone but an admin. */
  requireAdmin(what: string): unknown
}

/**
 * Every other channel needs a signed-in operator: personal data is shown and changed only by
 * someone the audit log can name; admin channels need an admin. The check runs before the
 * handler, so a locked session reads nothing and an operator reaches no admin handler.
 */
export function requireOperator(table: HandlerTable, guard: AccessGuard): HandlerTable {
  const guarded: Partial<Record<ChannelName, Handler<ChannelName>>> = {}
  for (const [channel, handler] of Object.entries(table) as [ChannelName, Handler<ChannelName>][]) {
    guarded[channel] = openChannels.has(channel)
      ? handler
      : (request, context) => {
          if (adminChannels.has(channel)) guard.requireAdmin(channel)
          else guard.requireOperator({ allowPinChange: pinChangeChannels.has(channel) })
          return handler(request as never, context)
        }
  }
  return guarded as HandlerTable
}
