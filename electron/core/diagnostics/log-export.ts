import { existsSync, readFileSync } from 'node:fs'
import type { PlatformCall } from '../../../shared/contract/diagnostics'
import { csvDocument, type CsvValue } from '../../../shared/format/csv'
import { isoInZone } from '../../../shared/format/time'
import type { LogRecord } from '../log/logger'
import type { Redactor } from '../log/redact'

export interface ExportRecord {
  readonly time: string
  readonly level: string
  readonly event: string
  readonly details: unknown
}

/**
 * The log file (and its rotated predecessor), oldest first. Every line is redacted again on the
 * way out: the file was written redacted, but secrets learnt since (a token registered later)
 * are caught too. A line that does not parse is kept as text, redacted.
 */
export function readLogFiles(file: string, redactor: Redactor): ExportRecord[] {
  const records: ExportRecord[] = []
  for (const path of [`${file}.1`, file]) {
    if (!existsSync(path)) continue
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue
      try {
        const parsed = JSON.parse(line) as Partial<LogRecord>
        records.push({
          time: String(parsed.time ?? ''),
          level: String(parsed.level ?? ''),
          event: redactor.text(String(parsed.event ?? '')),
          details: redactor.value(parsed.details ?? null),
        })
      } catch {
        records.push({ time: '', level: 'unparsed', event: redactor.text(line.slice(0, 2_000)), details: null })
      }
    }
  }
  return records
}

export function callRecords(calls: readonly PlatformCall[]): ExportRecord[] {
  return [...calls]
    .sort((a, b) => a.at - b.at)
    .map((c) => ({ time: new Date(c.at).toISOString(), level: c.outcome === 'ok' ? 'info' : 'warn', event: 'platform.call', details: { path: c.path, outcome: c.outcome, code: c.code, ms: c.ms } }))
}

/**
 * The log file keeps UTC (it is appended across zone changes); the export speaks the branch's
 * zone with its offset, like every other time the operator or IT reads. Unparsable times stay as written.
 */
export function inZone(records: readonly ExportRecord[], timeZone: string): ExportRecord[] {
  return records.map((r) => {
    const at = Date.parse(r.time)
    return Number.isNaN(at) ? r : { ...r, time: isoInZone(at, timeZone) }
  })
}

export function toJsonLines(records: readonly ExportRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + (records.length > 0 ? '\n' : '')
}

/** CSV for a spreadsheet, cells neutralised against formula injection (shared/format/csv). */
export function toCsv(records: readonly ExportRecord[]): string {
  const rows: CsvValue[][] = records.map((r) => [r.time, r.level, r.event, r.details === null || r.details === undefined ? '' : JSON.stringify(r.details)])
  return csvDocument(['time', 'level', 'event', 'details'], rows)
}
