import type { Statement } from 'better-sqlite3'
import { z } from 'zod'
import type { DocumentType, PlatformLanguage } from '../../../../../shared/domain/identity'
import { applicantStatusSchema, applicantStatuses, type ApplicantStatus } from '../../../../../shared/domain/status'
import type { Db } from '../../connection'
import {
  parseApplicantRow,
  parseApplicantSummaryRow,
  parseApplicantSyncState,
  type ApplicantRow,
  type ApplicantSummaryRow,
  type ApplicantSyncState,
} from './rows'
import * as sql from './statements'

export interface ApplicantContent {
  readonly label: string | null
  readonly documentType: DocumentType | null
  readonly country: string | null
  readonly language: PlatformLanguage | null
  readonly livenessAuto: boolean
  readonly consent: { readonly version: string; readonly at: number } | null
  readonly identityEnc: Buffer | null
  readonly bindingEnc: Buffer | null
  /** When the binding was scanned (capture or re-bind); null without one. */
  readonly bindingAt: number | null
}

export interface NewApplicant extends ApplicantContent {
  readonly id: string
  readonly reference: string
  readonly status: ApplicantStatus
  readonly operatorId: string | null
  readonly createdAt: number
  readonly capturedAt: number
  /** The environment it is captured for (shared/domain/environment.ts). */
  readonly environment: string
}

export interface ListQuery {
  readonly status?: ApplicantStatus
  readonly search?: string
  readonly trainingOnly?: boolean
  readonly order: 'newest' | 'oldest'
  readonly offset: number
  readonly limit: number
}

const countRow = z.object({ n: z.number().int() })
const statusCountRow = z.object({ status: applicantStatusSchema, n: z.number().int() })
const dueRow = z.object({ id: z.string(), due_at: z.number().int() })
const referenceRow = z.object({ reference: z.string() })
const idRows = z.array(z.object({ id: z.string() }))
const versionRow = z.object({ changes: z.number().int(), version: z.number().int() })

function contentParams(c: ApplicantContent) {
  return {
    label: c.label,
    document_type: c.documentType,
    country: c.country,
    language: c.language,
    liveness_auto: c.livenessAuto ? 1 : 0,
    consent_version: c.consent?.version ?? null,
    consent_at: c.consent?.at ?? null,
    identity_enc: c.identityEnc,
    binding_enc: c.bindingEnc,
    binding_at: c.bindingAt,
  }
}

/** Prepared statements for `applicants`. No method decrypts: blobs go in and out sealed. */
export class ApplicantsRepository {
  private readonly s
  private readonly listCache = new Map<string, { list: Statement; count: Statement }>()
  private countsCache: { version: string; counts: Record<ApplicantStatus, number> } | null = null

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(sql.insert),
      get: db.prepare(sql.get),
      syncState: db.prepare(sql.syncState),
      summaryById: db.prepare(sql.summaryById),
      updateContent: db.prepare(sql.updateContent),
      setQueued: db.prepare(sql.setQueued),
      captureForm: db.prepare(sql.captureForm),
      setCaptureForm: db.prepare(sql.setCaptureForm),
      setDerived: db.prepare(sql.setDerived),
      markPurged: db.prepare(sql.markPurged),
      setLivenessRequested: db.prepare(sql.setLivenessRequested),
      remove: db.prepare(sql.remove),
      countsByStatus: db.prepare(sql.countsByStatus),
      doneSince: db.prepare(sql.doneSince),
      statusesCreatedBetween: db.prepare(sql.statusesCreatedBetween),
      changeVersion: db.prepare(sql.changeVersion),
      due: db.prepare(sql.due),
      adoptUnassigned: db.prepare(sql.adoptUnassigned),
      idsInEnvironment: db.prepare(sql.idsInEnvironment),
      waitingInEnvironment: db.prepare(sql.waitingInEnvironment),
      setEnvironment: db.prepare(sql.setEnvironment),
      queuedWithDataExcept: db.prepare(sql.queuedWithDataExcept),
      lastReferenceLike: db.prepare(sql.lastReferenceLike),
      countOldBindings: db.prepare(sql.countOldBindings),
    }
  }

  insert(a: NewApplicant): void {
    this.s.insert.run({
      ...contentParams(a),
      id: a.id,
      reference: a.reference,
      status: a.status,
      operator_id: a.operatorId,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      captured_at: a.capturedAt,
      environment: a.environment,
    })
  }

  get(id: string): ApplicantRow | undefined {
    const row = this.s.get.get(id)
    return row === undefined ? undefined : parseApplicantRow(row)
  }

  /** The few columns a step change reads, without the encrypted blobs (the engine asks on every step). */
  syncState(id: string): ApplicantSyncState | undefined {
    const row = this.s.syncState.get(id)
    return row === undefined ? undefined : parseApplicantSyncState(row)
  }

  /** A listing row (clear columns and operator name) for one applicant. */
  summary(id: string): ApplicantSummaryRow | undefined {
    const row = this.s.summaryById.get(id)
    return row === undefined ? undefined : parseApplicantSummaryRow(row)
  }

  updateContent(id: string, content: ApplicantContent, at: number): void {
    this.s.updateContent.run({ ...contentParams(content), id, updated_at: at })
  }

  /** The sealed capture form of a draft, or null (none typed, imported, or queued since). */
  captureForm(id: string): Buffer | null {
    const row: unknown = this.s.captureForm.get(id)
    const sealed = typeof row === 'object' && row !== null && 'capture_form_enc' in row ? row.capture_form_enc : null
    return Buffer.isBuffer(sealed) ? sealed : null
  }

  /** Drafts only: a queued applicant has no form left to keep. */
  setCaptureForm(id: string, sealed: Buffer | null): void {
    this.s.setCaptureForm.run(sealed, id)
  }

  setQueued(id: string, at: number): void {
    this.s.setQueued.run({ id, at })
  }

  /** Callers pass what `deriveStatus` computed from the steps inside the same transaction. */
  setDerived(id: string, status: ApplicantStatus, dueAt: number | null, at: number): void {
    this.s.setDerived.run({ id, status, due_at: dueAt, updated_at: at })
  }

  setLivenessRequested(id: string, at: number | null): void {
    this.s.setLivenessRequested.run(at, id)
  }

  markPurged(id: string, at: number): void {
    this.s.markPurged.run({ id, at })
  }

  remove(id: string): boolean {
    return this.s.remove.run(id).changes > 0
  }

  /**
   * Asked for after nearly every step change (the engine's state, the sync bar). Triggers keep the
   * counts in their own table, and the last answer is kept until a row could have changed: a
   * write on this connection moves total_changes(), a commit by another one (the command line)
   * data_version. Inside a transaction it is always read afresh, since that may roll back.
   */
  countsByStatus(): Record<ApplicantStatus, number> {
    const { changes, version: data } = versionRow.parse(this.s.changeVersion.get())
    const version = `${changes}:${data}`
    if (!this.db.inTransaction && this.countsCache?.version === version) return { ...this.countsCache.counts }
    const counts = Object.fromEntries(applicantStatuses.map((s) => [s, 0])) as Record<ApplicantStatus, number>
    for (const row of this.s.countsByStatus.all()) {
      const { status, n } = statusCountRow.parse(row)
      counts[status] = n
    }
    this.countsCache = this.db.inTransaction ? null : { version, counts: { ...counts } }
    return counts
  }

  /** Applicants created in `[from, to)`, by their current status (through the creation-time index). */
  statusesCreatedBetween(from: number, to: number): Record<ApplicantStatus, number> {
    const counts = Object.fromEntries(applicantStatuses.map((s) => [s, 0])) as Record<ApplicantStatus, number>
    for (const row of this.s.statusesCreatedBetween.all(from, to)) {
      const { status, n } = statusCountRow.parse(row)
      counts[status] = n
    }
    return counts
  }

  /** Applicants queued at or after `since` that the platform now holds (submitted, face check out, verified). */
  doneSince(since: number): number {
    return countRow.parse(this.s.doneSince.get(since)).n
  }

  list(query: ListQuery): { total: number; rows: ApplicantSummaryRow[] } {
    const shape = { status: query.status !== undefined, search: Boolean(query.search), training: query.trainingOnly === true, order: query.order }
    const key = JSON.stringify(shape)
    let statements = this.listCache.get(key)
    if (!statements) {
      statements = { list: this.db.prepare(sql.list(shape)), count: this.db.prepare(sql.count(shape)) }
      this.listCache.set(key, statements)
    }
    const filter: Record<string, string> = {}
    if (query.status !== undefined) filter.status = query.status
    if (query.search) filter.search = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    return {
      total: countRow.parse(statements.count.get(filter)).n,
      rows: statements.list
        .all({ ...filter, limit: query.limit, offset: query.offset })
        .map((r) => parseApplicantSummaryRow(r)),
    }
  }

  /** Applicants of `environment` whose next step is due by `now`, longest waiting first, with when it became due. */
  queuedWithDataExcept(id: string): { id: string; reference: string }[] {
    return z.array(z.object({ id: z.string(), reference: z.string() })).parse(this.s.queuedWithDataExcept.all(id))
  }

  idsInEnvironment(environment: string): string[] {
    return idRows.parse(this.s.idsInEnvironment.all(environment)).map((r) => r.id)
  }

  waitingInEnvironment(environment: string): string[] {
    return idRows.parse(this.s.waitingInEnvironment.all(environment)).map((r) => r.id)
  }

  setEnvironment(id: string, environment: string, at: number): void {
    this.s.setEnvironment.run({ id, environment, at })
  }

  /** Applicants in `statuses` whose binding was scanned before `cutoff`. */
  countOldBindings(cutoff: number, statuses: readonly ApplicantStatus[]): number {
    return countRow.parse(this.s.countOldBindings.get({ cutoff, statuses: JSON.stringify(statuses) })).n
  }

  adoptUnassigned(environment: string): number {
    return this.s.adoptUnassigned.run(environment).changes
  }

  due(environment: string, now: number, limit: number): { id: string; dueAt: number }[] {
    return this.s.due.all(environment, now, limit).map((r) => {
      const row = dueRow.parse(r)
      return { id: row.id, dueAt: row.due_at }
    })
  }

  lastReferenceLike(glob: string): string | undefined {
    const row = this.s.lastReferenceLike.get(glob)
    return row === undefined ? undefined : referenceRow.parse(row).reference
  }
}
