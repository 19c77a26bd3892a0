import type { OperatorAdmin } from '../../operators/operator-admin'
import type { OperatorSession } from '../../operators/operator-session'
import type { operatorChannels } from '../../../../shared/contract/operators'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export type OperatorChannel = ChannelsOf<typeof operatorChannels>

export function operatorHandlers(session: OperatorSession, admin: OperatorAdmin): HandlerGroup<OperatorChannel> {
  return {
    'operators:status': () => session.status(),
    'operators:create': ({ name, pin }) => session.create(name, pin),
    'operators:sign-in': ({ operatorId, pin }) => session.signIn(operatorId, pin),
    'operators:sign-out': () => session.signOut(),
    'operators:heartbeat': () => session.heartbeat(),
    'operators:change-pin': ({ currentPin, newPin }) => session.changePin(currentPin, newPin),
    'operators:set-language': ({ language }) => session.setLanguage(language),
    'operators:list': () => ({ operators: admin.list() }),
    'operators:add': ({ name, role }) => admin.add(name, role),
    'operators:disable': ({ operatorId }) => admin.disable(operatorId),
    'operators:enable': ({ operatorId }) => admin.enable(operatorId),
    'operators:reset-pin': ({ operatorId }) => admin.resetPin(operatorId),
    'operators:set-role': ({ operatorId, role }) => admin.setRole(operatorId, role),
  }
}
