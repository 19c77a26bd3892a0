import { imageSlots, type Sha256Hex } from '../../../shared/domain/images'
import { submissionSteps } from '../../../shared/domain/steps'
import type { StoreContext } from './context'
import { changeOf, refreshDerived } from './derived'
import type { PurgeResult, QueueResult, RemoveResult, StepChange } from './types'

/** Moving an applicant between stages: queue, remove before sync, purge after. */
export class ApplicantLifecycle {
  constructor(private readonly ctx: StoreContext) {}

  /** A complete draft with consent becomes queued, with its nine submission steps pending. */
  queue(id: string, operatorId: string | null): QueueResult {
    const changes: StepChange[] = []
    const result = this.ctx.db.transaction((): QueueResult => this.queueInTx(id, operatorId, changes)).immediate()
    this.ctx.publish(changes)
    return result
  }

  /**
   * The body of `queue`, for a caller already inside a transaction (create-and-queue in one
   * commit). Pushes the step changes to publish once that transaction has committed.
   */
  queueInTx(id: string, operatorId: string | null, changes: StepChange[]): QueueResult {
    const row = this.ctx.applicants.get(id)
    if (!row) return { ok: false, reason: 'not-found' }
    if (row.purgedAt !== null) return { ok: false, reason: 'purged' }
    if (row.queued) return { ok: false, reason: 'already-queued' }
    if (row.identityEnc === null) return { ok: false, reason: 'missing-identity' }
    if (row.bindingEnc === null) return { ok: false, reason: 'missing-binding' }
    const present = new Set(this.ctx.images.forApplicant(id).map((i) => i.slot))
    const missing = imageSlots.filter((s) => !present.has(s))
    if (missing.length > 0) return { ok: false, reason: 'missing-images', slots: missing }
    // PIPL Art. 29: sensitive personal information is processed only with separate consent.
    if (row.consent === null) return { ok: false, reason: 'missing-consent' }
    const at = this.ctx.now()
    this.ctx.applicants.setQueued(id, at)
    this.ctx.steps.insertPending(id, submissionSteps, at)
    this.ctx.events.append({ at, applicantId: id, operatorId, type: 'queued', details: {} })
    const { status, steps } = refreshDerived(this.ctx, id, at)
    changes.push(...steps.map((s) => changeOf(id, s, status)))
    return { ok: true, status }
  }

  /**
   * Deletes an applicant that never reached the platform: apart from `sts` (which only fetched
   * credentials) no step may have been attempted, since an attempt may have landed even if it
   * failed. The event log keeps the fact of the removal.
   */
  remove(id: string, operatorId: string | null): RemoveResult {
    const shas: Sha256Hex[] = []
    const result = this.ctx.db
      .transaction((): RemoveResult => {
        const row = this.ctx.applicants.get(id)
        if (!row) return { ok: false, reason: 'not-found' }
        const steps = this.ctx.steps.forApplicant(id)
        if (steps.some((s) => s.state === 'running')) return { ok: false, reason: 'running' }
        if (row.purgedAt !== null || steps.some((s) => s.name !== 'sts' && (s.attempts > 0 || s.state !== 'pending'))) {
          return { ok: false, reason: 'reached-platform' }
        }
        shas.push(...this.ctx.images.removeForApplicant(id))
        this.ctx.applicants.remove(id)
        this.ctx.events.append({ at: this.ctx.now(), applicantId: id, operatorId, type: 'removed', details: { queued: row.queued } })
        return { ok: true }
      })
      .immediate()
    for (const sha of shas) this.ctx.imageStore.deleteIfUnreferenced(sha)
    return result
  }

  /**
   * Drops the personal data of a queued applicant (retention): identity, binding, step outputs,
   * image rows and, where no other applicant shares them, image files. The reference, status,
   * steps, dates and the event log remain, and the engine no longer picks it up. When to purge
   * is the retention policy's decision; a draft is the operator's, and a running step finishes first.
   */
  purge(id: string, operatorId: string | null, reason: string): PurgeResult {
    const shas: Sha256Hex[] = []
    const result = this.ctx.db
      .transaction((): PurgeResult => {
        const row = this.ctx.applicants.get(id)
        if (!row) return { ok: false, reason: 'not-found' }
        if (row.purgedAt !== null) return { ok: false, reason: 'already-purged' }
        if (!row.queued) return { ok: false, reason: 'draft' }
        if (this.ctx.steps.forApplicant(id).some((s) => s.state === 'running')) return { ok: false, reason: 'running' }
        const at = this.ctx.now()
        shas.push(...this.ctx.images.removeForApplicant(id))
        this.ctx.steps.clearData(id)
        this.ctx.applicants.markPurged(id, at)
        this.ctx.events.append({ at, applicantId: id, operatorId, type: 'purged', details: { reason, images: shas.length } })
        refreshDerived(this.ctx, id, at)
        return { ok: true }
      })
      .immediate()
    for (const sha of shas) this.ctx.imageStore.deleteIfUnreferenced(sha)
    return result
  }
}
