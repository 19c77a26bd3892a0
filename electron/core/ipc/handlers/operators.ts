import type { OperatorSession } from '../../operators/operator-session'
import type { HandlerGroup } from '../handler-table'

export type OperatorChannel = 'operators:status' | 'operators:create' | 'operators:sign-in' | 'operators:sign-out' | 'operators:heartbeat'

export function operatorHandlers(session: OperatorSession): HandlerGroup<OperatorChannel> {
  return {
    'operators:status': () => session.status(),
    'operators:create': ({ name, pin }) => session.create(name, pin),
    'operators:sign-in': ({ operatorId, pin }) => session.signIn(operatorId, pin),
    'operators:sign-out': () => session.signOut(),
    'operators:heartbeat': () => session.heartbeat(),
  }
}
