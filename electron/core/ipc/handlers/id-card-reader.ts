import type { IdCardReaderSession } from '../../intake/id-card-reader/reader-session'
import type { HandlerGroup } from '../handler-table'

export type IdCardReaderChannel = 'reader:status' | 'reader:read' | 'reader:await-removal' | 'reader:cancel'

export function idCardReaderHandlers(session: IdCardReaderSession): HandlerGroup<IdCardReaderChannel> {
  return {
    'reader:status': () => session.status(),
    'reader:read': ({ id }) => session.read(id),
    'reader:await-removal': async () => ({ outcome: await session.awaitRemoval() }),
    'reader:cancel': () => {
      session.cancel()
      return {}
    },
  }
}
