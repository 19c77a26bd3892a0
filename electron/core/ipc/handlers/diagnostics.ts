import { fileStampInZone } from '../../../../shared/format/time'
import type { DialogPort } from '../../ports'
import type { CallLog } from '../../diagnostics/call-log'
import { callRecords, inZone, readLogFiles, toCsv, toJsonLines, type ExportRecord } from '../../diagnostics/log-export'
import { KycError } from '../../errors/kyc-error'
import type { Logger } from '../../log/logger'
import type { Redactor } from '../../log/redact'
import type { diagnosticsChannels } from '../../../../shared/contract/diagnostics'
import type { ChannelsOf, HandlerGroup } from '../handler-table'

export interface DiagnosticsHandlerDeps {
  /** Every export goes into the audit log with the operator who made it. */
  readonly recordExport: (details: { format: 'csv' | 'jsonl'; records: number }) => void
  readonly log: Logger
  readonly logFile: string
  readonly redactor: Redactor
  readonly calls: CallLog
  readonly dialogs: DialogPort
  readonly clock: () => number
  /** The branch's time zone: the export's times and file name are in it. */
  readonly timeZone: () => string
}

const maxDetails = 2_000

/** Recent warnings, errors and platform calls, and the redacted log export for IT. */
export function diagnosticsHandlers(deps: DiagnosticsHandlerDeps): HandlerGroup<ChannelsOf<typeof diagnosticsChannels>> {
  return {
    'diagnostics:recent': () => ({
      entries: [...deps.log.recent()].reverse().map((r) => ({
        time: r.time,
        level: r.level,
        event: r.event,
        details: r.details === undefined ? '' : JSON.stringify(r.details).slice(0, maxDetails),
      })),
      calls: deps.calls.recent(),
    }),
    'diagnostics:export': async ({ format }) => {
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
      deps.recordExport({ format, records: records.length })
      return { saved: true, path: saved.location, records: records.length }
    },
  }
}
