import type { ChannelName } from '../../../shared/contract/names'
import { KycError } from '../errors/kyc-error'
import type { Handler, HandlerTable } from './handler-table'
import { settingsUnreadableMessage } from '../settings/settings-service'

/** What the window needs to show its title; the refused operators:status puts the message on screen. */
const stillOpen = new Set<ChannelName>(['app:info'])

/**
 * The core while its stored settings cannot be read: every other channel answers with the
 * message for IT, so nothing runs on default settings (training mode) by accident.
 */
export function refuseWhileSettingsUnreadable(table: HandlerTable): HandlerTable {
  const refused: Partial<Record<ChannelName, Handler<ChannelName>>> = {}
  for (const [channel, handler] of Object.entries(table) as [ChannelName, Handler<ChannelName>][]) {
    refused[channel] = stillOpen.has(channel)
      ? handler
      : () => {
          throw new KycError('UNAVAILABLE', settingsUnreadableMessage, undefined, { key: 'settings.unreadable' })
        }
  }
  return refused as HandlerTable
}
