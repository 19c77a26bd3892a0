import type { OperatorAdmin } from '../../operators/operator-admin'
import type { OperatorSession } from '../../operators/operator-session'
import type { HandlerGroup } from '../handler-table'

export type OperatorChannel =
  | 'operators:status'
  | 'operators:create'
  | 'operators:sign-in'
  | 'operators:sign-out'
  | 'operators:heartbeat'
  | 'operators:change-pin'
  | 'operators:set-language'
  | 'operators:list'
  | 'operators:add'
  | 'operators:disable'
  | 'operators:enable'
  | 'operators:reset-pin'
  | 'operators:set-role'

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
