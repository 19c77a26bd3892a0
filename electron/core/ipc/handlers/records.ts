import { exportReport, type ReportExportDeps } from '../../reports/export-report'
import type { RetentionService } from '../../retention/retention-service'
import type { recordsChannels } from '../../../../shared/contract/records'
import type { ChannelsOf, HandlerGroup } from '../handler-table'
import { toContractSummary } from './applicants'

export interface RecordsHandlerDeps extends ReportExportDeps {
  readonly retention: RetentionService
  readonly lastRetentionRun: () => { at: number; purged: number } | null
  readonly operatorId: () => string | null
  /** Throws FORBIDDEN (and audits it) unless an admin is signed in: exports with personal data are theirs. */
  readonly requireAdmin: (what: string) => unknown
}

export function recordsHandlers(deps: RecordsHandlerDeps): HandlerGroup<ChannelsOf<typeof recordsChannels>> {
  return {
    'applicants:export': async (request) => {
      if (request.kind === 'status-report' && request.includePersonalData) deps.requireAdmin('export:personal-data')
      return exportReport(deps, request, deps.operatorId())
    },
    'retention:status': () => {
      const policy = deps.retention.policy()
      return {
        stale: deps.retention.stale().slice(0, 200).map(toContractSummary),
        purgeVerifiedAfterDays: policy.purgeVerifiedAfterDays,
        flagStaleAfterDays: policy.flagStaleAfterDays,
        purgeUnfinishedAfterDays: policy.purgeUnfinishedAfterDays,
        lastRun: deps.lastRetentionRun(),
      }
    },
  }
}
