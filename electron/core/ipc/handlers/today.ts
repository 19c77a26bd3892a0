import type { todayChannels } from '../../../../shared/contract/today'
import type { KycStore } from '../../queue/store'
import { todayGlance } from '../../reports/today-glance'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface TodayHandlerDeps {
  readonly store: Pick<KycStore, 'events' | 'applicants'>
  readonly clock: () => number
  /** The branch's time zone: "today" is its day. */
  readonly timeZone: () => string
}

/**
 * Any signed-in operator, not only an admin: the figures are counts, durations and codes with no
 * personal data, and a teller seeing the branch's pace and common refusals is a help, not a leak.
 */
export function todayHandlers(deps: TodayHandlerDeps): HandlerGroup<ChannelsOf<typeof todayChannels>> {
  return {
    'reports:today': () => todayGlance(deps.store, { now: deps.clock(), timeZone: deps.timeZone() }),
  }
}
