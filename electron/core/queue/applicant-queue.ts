import { findDuplicates, type Duplicate } from './duplicates'
import type { ApplicantStatus } from '../../../shared/domain/status'
import { ApplicantLifecycle } from './applicant-lifecycle'
import { ApplicantService } from './applicant-service'
import { EnvironmentMoves } from './environment-moves'
import type { StoreContext } from './context'
import { ApplicantListing } from './listing'
import type { CaptureForm } from '../../../shared/contract/intake'
import type { JsonObject } from '../db/json'
import type {
  ApplicantPatch,
  ApplicantRecord,
  ApplicantSummary,
  CreateApplicantInput,
  CreateQueuedResult,
  ListQuery,
  PurgeResult,
  QueueRefusal,
  QueueResult,
  RemoveResult,
  StepChange,
  UpdateResult,
} from './types'

/** The details of one `override` audit event: what was overridden, and the operator's reason. */
export type AuditedOverride = JsonObject
/** The details of a `captured` audit event for a draft a device filled (an ID card's chip). */
export type AuditedCapture = JsonObject

class QueueRefusedError extends Error {
  override readonly name = 'QueueRefusedError'
}

/** The applicant API the IPC handlers and the command line call; one object, three small parts. */
export class ApplicantQueue {
  private readonly service: ApplicantService
  private readonly lifecycle: ApplicantLifecycle
  private readonly listing: ApplicantListing
  /** Re-targeting waiting applicants to another platform, removing training ones. */
  readonly environments: EnvironmentMoves

  constructor(private readonly ctx: StoreContext) {
    this.service = new ApplicantService(ctx)
    this.lifecycle = new ApplicantLifecycle(ctx)
    this.listing = new ApplicantListing(ctx)
    this.environments = new EnvironmentMoves(ctx, this.lifecycle)
  }

  create(input: CreateApplicantInput): Promise<{ id: string; reference: string }> {
    return this.service.create(input)
  }

  /**
   * Creates and queues in one transaction: the applicant lands queued or not at all (batch
   * import). A refusal (say, no consent) rolls the creation back and is returned, not thrown.
   */
  async createQueued(input: CreateApplicantInput): Promise<CreateQueuedResult> {
    let refusal: QueueRefusal | null = null
    try {
      const created = await this.service.create(input, (id) => {
        const changes: StepChange[] = []
        const queued = this.lifecycle.queueInTx(id, input.operatorId, changes)
        if (!queued.ok) {
          refusal = queued
          throw new QueueRefusedError(queued.reason)
        }
        return changes
      })
      const record = this.service.get(created.id)
      return { ok: true, ...created, status: record?.status ?? 'queued' }
    } catch (error) {
      if (error instanceof QueueRefusedError && refusal) return refusal
      throw error
    }
  }

  update(id: string, patch: ApplicantPatch, operatorId: string | null): Promise<UpdateResult> {
    return this.service.update(id, patch, operatorId)
  }

  /** Decrypted; main process only. */
  get(id: string): ApplicantRecord | null {
    return this.service.get(id)
  }

  /**
   * The record, for showing its document number in full: an access to sensitive data, so the audit
   * log names who saw it (unless there is nothing to see).
   */
  getRevealing(id: string, operatorId: string | null): ApplicantRecord | null {
    const record = this.service.get(id)
    if (record && record.stage !== 'purged' && record.identity) {
      this.ctx.events.append({ at: this.ctx.now(), applicantId: id, operatorId, type: 'revealed', details: { field: 'documentNumber' } })
    }
    return record
  }

  /** Others in this queue with the same account or document: capture and import warn before queueing. */
  duplicatesOf(self: { id: string; uid: string; documentNumber: string }): Duplicate[] {
    return findDuplicates(this.ctx.applicants, (id) => this.service.get(id), self)
  }

  /** The draft's half-typed capture form, or null (none typed, imported, or queued since). */
  captureForm(id: string): CaptureForm | null {
    return this.service.captureForm(id)
  }

  /**
   * Queues a captured draft in one commit, or not at all: its final content (`patch`), the audit
   * events of the warnings the operator overrode (`audited`) and of the device that read it
   * (`capturedBy`), the queueing, and the end of its capture form. A refused edit or queueing
   * leaves the draft as it was.
   */
  async queueDraft(
    id: string,
    patch: ApplicantPatch,
    operatorId: string | null,
    audited: readonly AuditedOverride[],
    capturedBy: AuditedCapture | null = null,
  ): Promise<QueueResult> {
    let result: QueueResult = { ok: false, reason: 'not-found' }
    try {
      await this.service.updateThen(id, patch, operatorId, (updated, changes) => {
        if (!updated.ok) {
          result = { ok: false, reason: updated.reason }
          throw new QueueRefusedError(updated.reason)
        }
        const at = this.ctx.now()
        for (const details of audited) this.ctx.events.append({ at, applicantId: id, operatorId, type: 'override', details })
        if (capturedBy) this.ctx.events.append({ at, applicantId: id, operatorId, type: 'captured', details: capturedBy })
        result = this.lifecycle.queueInTx(id, operatorId, changes)
        if (!result.ok) throw new QueueRefusedError(result.reason)
      })
    } catch (error) {
      if (!(error instanceof QueueRefusedError)) throw error
    }
    return result
  }

  queue(id: string, operatorId: string | null): QueueResult {
    return this.lifecycle.queue(id, operatorId)
  }

  remove(id: string, operatorId: string | null): RemoveResult {
    return this.lifecycle.remove(id, operatorId)
  }

  purge(id: string, operatorId: string | null, reason: string): PurgeResult {
    return this.lifecycle.purge(id, operatorId, reason)
  }

  list(query?: ListQuery): { total: number; items: ApplicantSummary[] } {
    return this.listing.list(query)
  }

  summary(id: string): ApplicantSummary | null {
    return this.listing.summary(id)
  }

  countsByStatus(): Record<ApplicantStatus, number> {
    return this.listing.countsByStatus()
  }

  /** Queued since `since` (the branch's midnight) and now held by the platform: today's part of the sync bar. */
  doneSince(since: number): number {
    return this.listing.doneSince(since)
  }

  /** Applicants captured in `[from, to)` (the branch's day), by their status now. */
  statusesCreatedBetween(from: number, to: number): Record<ApplicantStatus, number> {
    return this.listing.statusesCreatedBetween(from, to)
  }

  /** Applicants in `statuses` whose account QR was scanned before `cutoff` (shared/domain/binding-age.ts). */
  countOldBindings(cutoff: number, statuses: readonly ApplicantStatus[]): number {
    return this.ctx.applicants.countOldBindings(cutoff, statuses)
  }
}
