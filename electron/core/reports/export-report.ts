import { basename } from 'node:path'
import type { z } from 'zod'
import type { exportStatusReportRequestSchema } from '../../../shared/contract/records'
import { fileStampInZone } from '../../../shared/format/time'
import { KycError } from '../errors/kyc-error'
import type { Logger } from '../log/logger'
import type { DialogPort } from '../ports'
import type { KycStore } from '../queue/store'
import { auditReport } from './audit-report'
import { statusReport } from './status-report'

export type ReportRequest = z.output<typeof exportStatusReportRequestSchema>

export interface ReportExportDeps {
  readonly store: KycStore
  readonly dialogs: DialogPort
  readonly clock: () => number
  /** The branch's time zone: the file's name and the report's times are in it. */
  readonly timeZone: () => string
  readonly log: Logger
}

/**
 * Writes the status report or the audit trail where the operator chose, and records the export in
 * the audit log (its kind, rows, and whether it held personal data), never its contents.
 */
export async function exportReport(
  deps: ReportExportDeps,
  request: ReportRequest,
  operatorId: string | null,
): Promise<{ saved: boolean; fileName: string | null; rows: number }> {
  const { kind, includePersonalData, status } = request
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
    operatorId,
    details: { kind, rows, includePersonalData: kind === 'status-report' && includePersonalData, ...(status ? { status } : {}) },
  })
  return { saved: true, fileName: basename(saved.location), rows }
}
