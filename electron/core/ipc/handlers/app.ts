import type { KeyProviderDescription } from '../../vault/key-provider'
import type { PlatformEndpoints } from '../../environment/training-mode'
import type { appChannels } from '../../../../shared/contract/app'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface AppHandlerDeps {
  readonly version: string
  readonly keyProtection: KeyProviderDescription
  readonly endpoints: () => PlatformEndpoints
  /** The branch's time zone, resolved. */
  readonly timeZone: () => string
}

export function appHandlers(deps: AppHandlerDeps): HandlerGroup<ChannelsOf<typeof appChannels>> {
  return {
    'app:info': () => {
      const endpoints = deps.endpoints()
      let platformHost = ''
      try {
        platformHost = endpoints.baseUrl ? new URL(endpoints.baseUrl).host : ''
      } catch {
        platformHost = endpoints.baseUrl
      }
      return {
        name: 'kyc-desk',
        version: deps.version,
        trainingMode: endpoints.trainingMode,
        keyProtection: {
          kind: deps.keyProtection.kind,
          secure: deps.keyProtection.secure,
          ...(deps.keyProtection.warning ? { warning: deps.keyProtection.warning } : {}),
        },
        platformHost,
        timeZone: deps.timeZone(),
      }
    },
  }
}
