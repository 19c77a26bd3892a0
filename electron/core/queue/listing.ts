import type { ApplicantStatus } from '../../../shared/domain/status'
import { lastErrorOf, type StepSnapshot } from '../../../shared/domain/steps'
import type { ApplicantSummaryRow } from '../db/tables/applicants/rows'
import type { StoreContext } from './context'
import type { ApplicantSummary, ListQuery } from './types'

/**
 * Dashboard queries. They read clear columns and step rows only and never touch the vault, so a
 * page of 10,000 applicants costs no decryption (and works while the key is unavailable).
 */
export class ApplicantListing {
  constructor(private readonly ctx: Pick<StoreContext, 'db' | 'applicants' | 'steps'>) {}

  list(query: ListQuery = {}): { total: number; items: ApplicantSummary[] } {
    return this.ctx.db.transaction(() => {
      const { total, rows } = this.ctx.applicants.list({
        ...(query.status !== undefined ? { status: query.status } : {}),
        ...(query.search?.trim() ? { search: query.search.trim() } : {}),
        ...(query.trainingOnly ? { trainingOnly: true } : {}),
        order: query.order ?? 'newest',
        offset: Math.max(0, Math.trunc(query.offset ?? 0)),
        limit: Math.min(20_000, Math.max(1, Math.trunc(query.limit ?? 200))),
      })
      const steps = this.ctx.steps.forApplicants(rows.map((r) => r.id))
      const items = rows.map((r) => toSummary(r, steps.get(r.id) ?? []))
      return { total, items }
    })()
  }

  /** One dashboard row, for the detail view and for refreshing a row after an action. */
  summary(id: string): ApplicantSummary | null {
    const row = this.ctx.applicants.summary(id)
    if (!row) return null
    return toSummary(row, this.ctx.steps.forApplicants([id]).get(id) ?? [])
  }

  countsByStatus(): Record<ApplicantStatus, number> {
    return this.ctx.applicants.countsByStatus()
  }

  doneSince(since: number): number {
    return this.ctx.applicants.doneSince(since)
  }

  statusesCreatedBetween(from: number, to: number): Record<ApplicantStatus, number> {
    return this.ctx.applicants.statusesCreatedBetween(from, to)
  }
}


function toSummary(r: ApplicantSummaryRow, own: StepSnapshot[]): ApplicantSummary {
  return {
    id: r.id,
    reference: r.reference,
    label: r.label,
    documentType: r.documentType,
    country: r.country,
    status: r.status,
    queued: r.queued,
    hasConsent: r.consent !== null,
    operatorId: r.operatorId,
    operatorName: r.operatorName,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    capturedAt: r.capturedAt,
    queuedAt: r.queuedAt,
    purgedAt: r.purgedAt,
    environment: r.environment,
    bindingAt: r.bindingAt,
    steps: own,
    lastError: lastErrorOf(own),
  }
}
