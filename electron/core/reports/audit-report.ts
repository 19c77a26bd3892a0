import { csvDocument, type CsvValue } from '../../../shared/format/csv'
import { isoInZone } from '../../../shared/format/time'
import type { KycStore } from '../queue/store'

/**
 * The append-only event log as CSV, for an auditor: who did what to which applicant, when. The
 * log holds codes and counts only, never personal data, so nothing needs masking; applicants are
 * named by their reference. Times are in the branch's zone, with its offset.
 */
export function auditReport(store: Pick<KycStore, 'events' | 'operators' | 'applicants'>, timeZone: string): { csv: string; rows: number } {
  const operators = new Map(store.operators.list().map((o) => [o.id, o.name]))
  const references = new Map<string, string>()
  const referenceOf = (id: string | null): string => {
    if (id === null) return ''
    let ref = references.get(id)
    if (ref === undefined) {
      ref = store.applicants.summary(id)?.reference ?? `(removed ${id})`
      references.set(id, ref)
    }
    return ref
  }
  const rows: CsvValue[][] = []
  for (let after = 0; ; ) {
    const page = store.events.listAfter(after, 5000)
    for (const e of page) {
      rows.push([e.id, isoInZone(e.at, timeZone), e.type, e.operatorId ? (operators.get(e.operatorId) ?? e.operatorId) : '', referenceOf(e.applicantId), JSON.stringify(e.details)])
    }
    if (page.length < 5000) break
    after = page[page.length - 1]?.id ?? after
  }
  return { csv: `\uFEFF${csvDocument(['id', 'time', 'event', 'operator', 'applicant', 'details'], rows)}`, rows: rows.length }
}
