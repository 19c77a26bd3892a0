import type { exportFormats } from '../../../shared/contract/diagnostics'
import { fileStampInZone } from '../../../shared/format/time'
import { KycError } from '../errors/kyc-error'
import type { Logger } from '../log/logger'
import type { Redactor } from '../log/redact'
import type { DialogPort } from '../ports'
import type { AuditLog } from '../queue/audit-log'
import type { CallLog } from './call-log'
import { callRecords, inZone, readLogFiles, toCsv, toJsonLines, type ExportRecord } from './log-export'

export interface LogExportDeps {
  readonly log: Logger
  readonly logFile: string
  readonly redactor: Redactor
  readonly calls: CallLog
  readonly dialogs: DialogPort
  /** Every export goes into the audit log with the operator who made it. */
  readonly audit: Pick<AuditLog, 'append'>
  readonly clock: () => number
  /** The branch's time zone: the export's times and file name are in it. */
  readonly timeZone: () => string
}

/** The redacted log and platform calls, for IT, written where the operator chose and put on record. */
export async function exportLog(
  deps: LogExportDeps,
  format: (typeof exportFormats)[number],
  operatorId: string | null,
): Promise<{ saved: boolean; path: string | null; records: number }> {
  let records: readonly ExportRecord[] = []
  const saved = await deps.dialogs
    .saveFile({
      defaultName: `kyc-desk-log-${fileStampInZone(deps.clock(), deps.timeZone())}.${format}`,
      filters: [format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON lines', extensions: ['jsonl'] }],
      contents: () => {
        records = inZone([...readLogFiles(deps.logFile, deps.redactor), ...callRecords(deps.calls.recent())], deps.timeZone())
        return format === 'csv' ? toCsv(records) : toJsonLines(records)
      },
    })
    .catch((error: unknown) => {
      deps.log.warn('diagnostics.export-failed', { error })
      throw new KycError('UNAVAILABLE', 'The log could not be written there; choose another folder', undefined, { key: 'export.logWriteFailed' })
    })
  if (!saved.saved) return { saved: false, path: null, records: 0 }
  deps.log.info('diagnostics.exported', { format, records: records.length })
  deps.audit.append({ type: 'exported', operatorId, details: { kind: 'diagnostics', format, records: records.length } })
  return { saved: true, path: saved.location, records: records.length }
}
