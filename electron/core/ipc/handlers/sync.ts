import type { SyncState } from '../../../../shared/contract/sync'
import type { SyncEngine } from '../../sync'
import type { syncChannels } from '../../../../shared/contract/sync'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface SyncHandlerDeps {
  /** The engine of the moment: the controller rebuilds it when the platform wiring changes. */
  readonly engine: () => SyncEngine
  readonly state: () => SyncState
}

export function syncHandlers(deps: SyncHandlerDeps): HandlerGroup<ChannelsOf<typeof syncChannels>> {
  const after = (action: (engine: SyncEngine) => void): SyncState => {
    action(deps.engine())
    return deps.state()
  }
  return {
    'sync:state': () => deps.state(),
    'sync:all': () => after((engine) => engine.syncAll()),
    'sync:pause': () => after((engine) => engine.pause()),
    'sync:resume': () =>
      after((engine) => {
        // Resuming a stopped engine means starting it.
        if (engine.state().running) engine.resume()
        else engine.start()
      }),
  }
}
