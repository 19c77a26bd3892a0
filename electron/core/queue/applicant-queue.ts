import { findDuplicates, type Duplicate } from './duplicates'
import type { ApplicantStatus } from '../../../shared/domain/status'
import { ApplicantLifecycle } from './applicant-lifecycle'
import { ApplicantService } from './applicant-service'
import type { StoreContext } from './context'
import { ApplicantListing } from './listing'
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

class QueueRefusedError extends Error {
  override readonly name = 'QueueRefusedError'
}

/** The applicant API the IPC handlers and the command line call; one object, three small parts. */
export class ApplicantQueue {
  private readonly service: ApplicantService
  private readonly lifecycle: ApplicantLifecycle
  private readonly listing: ApplicantListing

  constructor(private readonly ctx: StoreContext) {
    this.service = new ApplicantService(ctx)
    this.lifecycle = new ApplicantLifecycle(ctx)
    this.listing = new ApplicantListing(ctx)
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

  /** Others in this queue with the same account or document: capture and import warn before queueing. */
  duplicatesOf(self: { id: string; uid: string; documentNumber: string }): Duplicate[] {
    return findDuplicates(this.ctx.applicants, (id) => this.service.get(id), self)
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

  /** Applicants in `statuses` whose account QR was scanned before `cutoff` (shared/domain/binding-age.ts). */
  countOldBindings(cutoff: number, statuses: readonly ApplicantStatus[]): number {
    return this.ctx.applicants.countOldBindings(cutoff, statuses)
  }
}
