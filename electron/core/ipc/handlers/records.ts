import { basename } from 'node:path'
import { fileStampInZone } from '../../../../shared/format/time'
import { KycError } from '../../errors/kyc-error'
import type { Logger } from '../../log/logger'
import type { KycStore } from '../../queue/store'
import { auditReport } from '../../reports/audit-report'
import { statusReport } from '../../reports/status-report'
import type { RetentionService } from '../../retention/retention-service'
import type { DialogPort } from '../../ports'
import type { recordsChannels } from '../../../../shared/contract/records'
import type { ChannelsOf, HandlerGroup } from '../handler-table'
import { toContractSummary } from './applicants'

export interface RecordsHandlerDeps {
  readonly store: KycStore
  readonly retention: RetentionService
  readonly lastRetentionRun: () => { at: number; purged: number } | null
  readonly dialogs: DialogPort
  readonly operatorId: () => string | null
  /** Throws FORBIDDEN (and audits it) unless an admin is signed in: exports with personal data are theirs. */
  readonly requireAdmin: (what: string) => unknown
  readonly clock: () => number
  /** The branch's time zone: file names and report times are in it. */
  readonly timeZone: () => string
  readonly log: Logger
}

export function recordsHandlers(deps: RecordsHandlerDeps): HandlerGroup<ChannelsOf<typeof recordsChannels>> {
  return {
    'applicants:export': async ({ kind, includePersonalData, status }) => {
      if (kind === 'status-report' && includePersonalData) deps.requireAdmin('export:personal-data')
      let rows = 0
      const saved = await deps.dialogs
        .saveFile({
          defaultName: `kyc-desk-${kind === 'audit-log' ? 'audit' : 'status'}-${fileStampInZone(deps.clock(), deps.timeZone())}.csv`,
          filters: [{ name: 'CSV', extensions: ['csv'] }],
          contents: () => {
            const report = kind === 'audit-log' ? auditReport(deps.store, deps.timeZone()) : statusReport(deps.store, { includePersonalData, timeZone: deps.timeZone(), ...(status ? { status } : {}) })
            rows = report.rows
            return report.csv
          },
        })
        .catch((error: unknown) => {
          deps.log.warn('records.export-failed', { error })
          throw new KycError('UNAVAILABLE', 'The report could not be written there; choose another folder', undefined, { key: 'export.reportWriteFailed' })
        })
      if (!saved.saved) return { saved: false, fileName: null, rows: 0 }
      deps.store.events.append({
        type: 'exported',
        operatorId: deps.operatorId(),
        details: { kind, rows, includePersonalData: kind === 'status-report' && includePersonalData, ...(status ? { status } : {}) },
      })
      return { saved: true, fileName: basename(saved.location), rows }
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
