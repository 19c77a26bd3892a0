import { csvDocument, type CsvValue } from '../../../shared/format/csv'
import { isoInZone } from '../../../shared/format/time'
import type { ApplicantStatus } from '../../../shared/domain/status'
import type { KycStore } from '../queue/store'
import type { ApplicantSummary } from '../queue/types'

export interface StatusReportOptions {
  readonly status?: ApplicantStatus
  /** Full names and document numbers, decrypted. Only when the operator explicitly asks. */
  readonly includePersonalData: boolean
  /** The branch's time zone: `created_at` is written in it, with its offset. */
  readonly timeZone: string
}

const baseHeader = ['reference', 'label', 'status', 'document_type', 'country', 'operator', 'created_at', 'steps_done', 'last_error_code', 'last_error']
const personalHeader = ['surname', 'given_name', 'document_number', 'birthday']

function baseRow(a: ApplicantSummary, timeZone: string): CsvValue[] {
  const done = a.steps.filter((s) => s.state === 'done').length
  return [a.reference, a.label ?? '', a.status, a.documentType ?? '', a.country ?? '', a.operatorName ?? '', isoInZone(a.createdAt, timeZone), `${done}/${a.steps.length}`, a.lastError?.code ?? '', a.lastError?.message ?? '']
}

/**
 * The status report for IT and branch managers: one row per applicant, masked by default. Every
 * cell goes through the CSV writer's formula-injection guard (platform messages and names are
 * text someone else wrote). A UTF-8 BOM makes Excel read the Chinese correctly.
 */
export function statusReport(store: Pick<KycStore, 'applicants'>, options: StatusReportOptions): { csv: string; rows: number } {
  const rows: CsvValue[][] = []
  for (let offset = 0; ; offset += 1000) {
    const page = store.applicants.list({ ...(options.status ? { status: options.status } : {}), offset, limit: 1000, order: 'oldest' })
    for (const applicant of page.items) {
      const row = baseRow(applicant, options.timeZone)
      if (options.includePersonalData) {
        const record = store.applicants.get(applicant.id)
        const identity = record && record.stage !== 'purged' ? record.identity : null
        row.push(identity?.surname ?? '', identity?.givenName ?? '', identity?.documentNumber ?? '', identity?.birthday ?? '')
      }
      rows.push(row)
    }
    if (page.items.length < 1000) break
  }
  const header = options.includePersonalData ? [...baseHeader, ...personalHeader] : baseHeader
  return { csv: `\uFEFF${csvDocument(header, rows)}`, rows: rows.length }
}
