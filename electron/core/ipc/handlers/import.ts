import type { ImportSession } from '../../intake/import-session'
import type { importChannels } from '../../../../shared/contract/import'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export type ImportChannel = ChannelsOf<typeof importChannels>

/** The batch import screen's channels; the work is the import session's. */
export function importHandlers(session: ImportSession): HandlerGroup<ImportChannel> {
  return {
    'import:selection': () => session.selection(),
    'import:choose': ({ what }) => session.choose(what),
    'import:preview': () => session.runPreview(),
    'import:thumbnail': ({ row, slot, size }) => session.thumbnail(row, slot, size ?? 'thumbnail'),
    'import:commit': (options) => session.commit(options),
    'import:cancel': () => {
      session.cancel()
      return {}
    },
  }
}
