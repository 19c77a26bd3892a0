import type { z } from 'zod'
import type { StepName, StepSnapshot } from '../../../shared/domain/steps'
import { withoutWaitingForDisk } from '../db/connection'
import type { EventType } from '../db/tables/events/repository'
import type { StoreContext } from './context'
import { applyDerived, changeOf, refreshDerived } from './derived'
import { stepDataField, stepDataSchemaFor, stepDataSchemas, type StepDataFor } from './step-data'
import { cancelLivenessInTx, requestLivenessInTx, resetStepsInTx } from './step-resets'
import { mustBeDurableAtOnce, transitionOf, type StepResult } from './step-result'
import { applyTransition, type StepTransition } from './transitions'
import type { LivenessResult, MarkStepResult, RecordResult, StartResult, StepChange } from './types'

/** One step change as the transaction takes it. */
interface StepWrite {
  readonly applicantId: string
  readonly name: StepName
  readonly transition: StepTransition
  /** The current `sync.autoLiveness` setting; the applicant's own capture-time choice is in its row. */
  readonly autoLiveness: boolean
}

/** A step written: the recorded snapshot, and the change it made (for markStep's callers). */
type WrittenStep = (Extract<RecordResult, { ok: true }> & { readonly change: StepChange }) | Exclude<MarkStepResult, { ok: true }>

/**
 * The sync engine's side of the store. Every method commits at once, in one transaction that
 * updates the steps, re-derives the applicant's status and appends to the event log; listeners
 * hear about it only after the commit.
 */
export class StepService {
  constructor(private readonly ctx: StoreContext) {}

  steps(applicantId: string): StepSnapshot[] {
    return this.ctx.steps.forApplicant(applicantId)
  }

  /** Tests and benchmarks only: commits a step change; a start is not fsynced, anything else is. */
  markStep<N extends StepName>(applicantId: string, name: N, transition: StepTransition<N>): MarkStepResult {
    const write = { applicantId, name, transition, autoLiveness: false }
    const result = transition.kind === 'started' ? withoutWaitingForDisk(this.ctx.db, () => this.commitStep(write)) : this.commitStep(write)
    return result.ok ? { ok: true, change: result.change } : result
  }

  /**
   * Records one attempt's result in one transaction (step, audit event, derived status, auto
   * liveness) and returns the steps as the commit left them, for the runner to plan from. Its
   * durability rules: docs/ARCHITECTURE.md, "Where durability is decided".
   */
  recordStep(applicantId: string, name: StepName, result: StepResult, options: { retryAt: number; autoLiveness: boolean }): RecordResult {
    if (result.kind === 'liveness-expired') {
      const cancelled = this.cancelLiveness(applicantId, null)
      return cancelled.ok ? this.snapshot(applicantId) : cancelled
    }
    const write = { applicantId, name, transition: transitionOf(result, options.retryAt), autoLiveness: options.autoLiveness }
    if (mustBeDurableAtOnce(name, result)) return this.commitStep(write)
    const recorded = withoutWaitingForDisk(this.ctx.db, () => this.commitStep(write))
    if (recorded.ok) this.ctx.walSync.syncSoon()
    return recorded
  }

  /** The steps and state columns as they stand, outside any step commit. */
  private snapshot(applicantId: string): RecordResult {
    const row = this.ctx.applicants.syncState(applicantId)
    if (!row) return { ok: false, reason: 'not-found' }
    return { ok: true, steps: this.ctx.steps.forApplicant(applicantId), livenessRequested: row.livenessRequestedAt !== null }
  }

  /**
   * Resolves once every commit made so far is on disk (one WAL sync in the thread pool, shared by
   * everyone who asks meanwhile); rejects with a WalSyncError if the disk refused.
   */
  whenDurable(): Promise<void> {
    return this.ctx.walSync.flush()
  }

  /**
   * Marks the steps the engine is about to run side by side (the three uploads) as started, in one
   * commit, all or none; not fsynced, as a single start is not. The changes come back in the order
   * of `names`.
   */
  markStarted(applicantId: string, names: readonly StepName[]): StartResult {
    const at = this.ctx.now()
    const result = withoutWaitingForDisk(this.ctx.db, () => this.ctx.db.transaction(() => this.startInTx(applicantId, names, at)).immediate())
    if (result.ok) this.ctx.publish(result.changes)
    return result
  }

  private startInTx(applicantId: string, names: readonly StepName[], at: number): StartResult {
    const checked = this.runnableRowInTx(applicantId)
    if (!checked.ok) return checked
    const { row } = checked
    // Captured for another platform (training, or the live URL before a change): never sent here.
    if (row.environment !== this.ctx.environment()) return { ok: false, reason: 'other-environment' }
    const begun = this.startStepsInTx(applicantId, this.ctx.steps.forApplicant(applicantId), names, at)
    if (!begun.ok) return begun
    const { status } = applyDerived(this.ctx, applicantId, row, begun.steps, at)
    return { ok: true, changes: begun.started.map((s) => changeOf(applicantId, s, status)) }
  }

  /**
   * Inside a transaction: marks `names` started, given every step as it now stands; all or none
   * (each is checked before anything is written). Returns the steps as they then stand.
   */
  private startStepsInTx(applicantId: string, before: readonly StepSnapshot[], names: readonly StepName[], at: number) {
    let steps = before
    const started: StepSnapshot[] = []
    for (const name of names) {
      const current = steps.find((s) => s.name === name)
      if (!current) return { ok: false, reason: 'not-found' } as const
      const applied = applyTransition(current, { kind: 'started' }, at)
      if (!applied.ok) return { ok: false, reason: 'invalid-transition', from: applied.from } as const
      started.push(applied.step)
      steps = steps.map((s) => (s.name === name ? applied.step : s))
    }
    for (const step of started) {
      this.ctx.steps.update(applicantId, step)
      this.ctx.events.append({ at, applicantId, operatorId: null, ...stepEvent(step.name, { kind: 'started' }) })
    }
    return { ok: true, steps, started } as const
  }

  /** Inside a transaction: one step change; the applicant's status and due time are derived from the end state. */
  private changeInTx(write: StepWrite, at: number, changes: StepChange[]): WrittenStep {
    const applied = this.applyInTx(write, at)
    if (!applied.ok) return applied
    const { status } = applyDerived(this.ctx, write.applicantId, applied.row, applied.steps, at)
    const change = changeOf(write.applicantId, applied.step, status)
    changes.push(change, ...applied.extra.map((s) => changeOf(write.applicantId, s, status)))
    return { ok: true, change, steps: applied.steps, livenessRequested: applied.row.livenessRequestedAt !== null }
  }

  /** One step change in one transaction, then published. */
  private commitStep(write: StepWrite): WrittenStep {
    const at = this.ctx.now()
    const changes: StepChange[] = []
    const result = this.ctx.db.transaction(() => this.changeInTx(write, at, changes)).immediate()
    this.ctx.publish(changes)
    return result
  }

  /**
   * Inside a transaction: one step change and its event (and, when reconcile's success asks for
   * liveness, that request); returns the row and every step as they then stand, for the caller
   * to derive the status from.
   */
  private applyInTx({ applicantId, name, transition, autoLiveness }: StepWrite, at: number) {
    // The few columns that matter and every step, read once; the new status is derived from them.
    const checked = this.runnableRowInTx(applicantId)
    if (!checked.ok) return checked
    const { row } = checked
    const steps = this.ctx.steps.forApplicant(applicantId)
    const current = steps.find((s) => s.name === name)
    if (!current) return { ok: false, reason: 'not-found' } as const
    const applied = applyTransition(current, transition, at)
    if (!applied.ok) return { ok: false, reason: 'invalid-transition', from: applied.from } as const
    this.ctx.steps.update(applicantId, applied.step)
    if (transition.kind === 'done') this.ctx.steps.setData(applicantId, name, this.sealData(applicantId, name, transition.data))
    this.ctx.events.append({ at, applicantId, operatorId: null, ...stepEvent(name, transition) })
    if (!(name === 'reconcile' && transition.kind === 'done' && startsLivenessBySelf(row.livenessAuto, autoLiveness))) {
      return { ok: true, step: applied.step, extra: [], steps: steps.map((s) => (s.name === name ? applied.step : s)), row } as const
    }
    // Asking for liveness rewrote more of the applicant, so that case reads the steps again.
    const extra = this.autoLiveness(applicantId, at)
    return { ok: true, step: applied.step, extra, steps: this.ctx.steps.forApplicant(applicantId), row: { ...row, livenessRequestedAt: at } } as const
  }

  /** Inside a transaction: the applicant's state columns, if its steps may change at all (queued, not purged). */
  private runnableRowInTx(applicantId: string) {
    const row = this.ctx.applicants.syncState(applicantId)
    if (!row) return { ok: false, reason: 'not-found' } as const
    if (row.purgedAt !== null) return { ok: false, reason: 'purged' } as const
    if (!row.queued) return { ok: false, reason: 'not-queued' } as const
    return { ok: true, row } as const
  }

  /** What a finished step stored (decrypted and validated), or null if it stored nothing. */
  stepData<N extends keyof typeof stepDataSchemas>(applicantId: string, name: N): StepDataFor<N> | null {
    const sealed = this.ctx.steps.getData(applicantId, name)
    if (sealed === null) return null
    const context = { applicantId, field: stepDataField(name) }
    const schema: z.ZodType = stepDataSchemas[name]
    return this.ctx.vault.openJson(sealed, context, schema) as StepDataFor<N>
  }

  /**
   * What the engine's scheduler needs: applicants whose next step is due by `now`, longest waiting
   * first, and since when. One indexed query on the `due_at` the step changes keep, without reading
   * any steps (the scheduler asks every time an applicant finishes).
   */
  dueApplicants(now: number, limit: number): { readonly applicantId: string; readonly dueAt: number }[] {
    return this.ctx.applicants.due(this.ctx.environment(), now, limit).map((r) => ({ applicantId: r.id, dueAt: r.dueAt }))
  }

  /**
   * Puts steps the engine marked started but will not run after all back to pending (only those
   * still running), as crash recovery would. Logged like a recovery.
   */
  releaseStarted(applicantId: string, names: readonly StepName[]): StepChange[] {
    return this.write(() => {
      const running = this.ctx.steps.forApplicant(applicantId).filter((s) => s.state === 'running' && names.includes(s.name))
      return running.length === 0 ? [] : this.putBackInTx(applicantId, running, this.ctx.now())
    })
  }

  /** Crash recovery at start-up: a step left running is replayed (every step is idempotent). */
  resetRunningSteps(): StepChange[] {
    return this.write(() => {
      const at = this.ctx.now()
      const byApplicant = new Map<string, StepSnapshot[]>()
      for (const { applicantId, snapshot } of this.ctx.steps.running()) {
        byApplicant.set(applicantId, [...(byApplicant.get(applicantId) ?? []), snapshot])
      }
      return [...byApplicant].flatMap(([applicantId, running]) => this.putBackInTx(applicantId, running, at))
    })
  }

  /** Inside a transaction: running steps back to pending, due at once, logged as recovered. */
  private putBackInTx(applicantId: string, running: readonly StepSnapshot[], at: number): StepChange[] {
    const pending = running.map((s): StepSnapshot => ({ ...s, state: 'pending', nextAttemptAt: null, updatedAt: at }))
    for (const step of pending) this.ctx.steps.update(applicantId, step)
    this.ctx.events.append({ at, applicantId, operatorId: null, type: 'steps-recovered', details: { steps: pending.map((s) => s.name) } })
    const { status } = refreshDerived(this.ctx, applicantId, at)
    return pending.map((s) => changeOf(applicantId, s, status))
  }

  /** Re-run these steps from scratch (an operator's choice; edits go through the applicant service). */
  resetSteps(applicantId: string, names: readonly StepName[], operatorId: string | null): StepChange[] {
    return this.write(() => this.resetAndLog(applicantId, operatorId, 'steps-reset', (at) => resetStepsInTx(this.ctx, applicantId, names, at)))
  }

  /**
   * Which codes mean an expired binding changed (settings): every applicant with a failed step is
   * derived again, so `needs-attention` and `needs-new-qr` follow the table in force.
   */
  rederiveFailed(): StepChange[] {
    return this.write(() => {
      const at = this.ctx.now()
      return this.ctx.steps.applicantsWithFailedSteps().flatMap((applicantId) => {
        const before = this.ctx.applicants.syncState(applicantId)?.status
        const { status, steps } = refreshDerived(this.ctx, applicantId, at)
        return status === before ? [] : steps.filter((s) => s.state === 'failed').map((s) => changeOf(applicantId, s, status))
      })
    })
  }

  /** After the operator fixed what the platform refused: failed steps go back to pending. */
  retryFailed(applicantId: string, operatorId: string | null): StepChange[] {
    return this.write(() =>
      this.resetAndLog(applicantId, operatorId, 'retried', (at) => {
        const failed = this.ctx.steps.forApplicant(applicantId).filter((s) => s.state === 'failed')
        return failed.map((s) => {
          const step: StepSnapshot = { ...s, state: 'pending', nextAttemptAt: null, lastError: null, updatedAt: at }
          this.ctx.steps.update(applicantId, step)
          return step
        })
      }),
    )
  }

  /** The operator asks for the face check (customer present), or re-issues an expired one. */
  requestLiveness(applicantId: string, operatorId: string | null): LivenessResult {
    return this.livenessChange(applicantId, operatorId, 'liveness-requested', (at) => requestLivenessInTx(this.ctx, applicantId, at))
  }

  /** The verify token expired (engine) or was withdrawn: back to submitted, re-issue offered. */
  cancelLiveness(applicantId: string, operatorId: string | null): LivenessResult {
    return this.livenessChange(applicantId, operatorId, 'liveness-cancelled', (at) => cancelLivenessInTx(this.ctx, applicantId, at))
  }

  private livenessChange(
    applicantId: string,
    operatorId: string | null,
    type: EventType,
    change: (at: number) => StepSnapshot[],
  ): LivenessResult {
    const changes: StepChange[] = []
    const result = this.ctx.db
      .transaction((): LivenessResult => {
        const row = this.ctx.applicants.get(applicantId)
        if (!row) return { ok: false, reason: 'not-found' }
        if (row.purgedAt !== null) return { ok: false, reason: 'purged' }
        if (row.status !== 'submitted' && row.status !== 'liveness-pending') return { ok: false, reason: 'not-submitted' }
        changes.push(...this.resetAndLog(applicantId, operatorId, type, change))
        return { ok: true, status: changes[0]?.status ?? row.status }
      })
      .immediate()
    this.ctx.publish(changes)
    return result
  }

  private autoLiveness(applicantId: string, at: number): StepSnapshot[] {
    this.ctx.events.append({ at, applicantId, operatorId: null, type: 'liveness-requested', details: { auto: true } })
    return requestLivenessInTx(this.ctx, applicantId, at)
  }

  /** Inside a transaction: apply, log the step names, re-derive, describe the changes. */
  private resetAndLog(applicantId: string, operatorId: string | null, type: EventType, apply: (at: number) => StepSnapshot[]) {
    const at = this.ctx.now()
    const row = this.ctx.applicants.get(applicantId)
    // A purged applicant's steps are its record of what happened; nothing may re-run them.
    if (!row || row.purgedAt !== null) return []
    const changed = apply(at)
    this.ctx.events.append({ at, applicantId, operatorId, type, details: { steps: changed.map((s) => s.name) } })
    const { status } = refreshDerived(this.ctx, applicantId, at)
    return changed.map((s) => changeOf(applicantId, s, status))
  }

  private write(fn: () => StepChange[]): StepChange[] {
    const changes = this.ctx.db.transaction(fn).immediate()
    this.ctx.publish(changes)
    return changes
  }

  private sealData(applicantId: string, name: StepName, data: unknown): Buffer | null {
    if (data === undefined) return null
    const schema = stepDataSchemaFor(name)
    if (!schema) throw new Error(`step ${name} stores no data`)
    const value = schema.parse(data)
    const context = { applicantId, field: stepDataField(name) }
    return this.ctx.vault.sealJson(value, context)
  }
}

/**
 * The one auto-liveness rule: a submitted applicant starts its face check by itself if it was
 * captured with the setting on (its row) or the setting is on now (say, for an imported batch).
 */
export function startsLivenessBySelf(livenessAuto: boolean, autoLivenessSetting: boolean): boolean {
  return livenessAuto || autoLivenessSetting
}

function stepEvent(name: StepName, t: StepTransition): { type: EventType; details: { [k: string]: string | number } } {
  switch (t.kind) {
    case 'started':
      return { type: 'step-started', details: { step: name } }
    case 'done':
      return { type: 'step-done', details: { step: name } }
    // The message is left out on purpose: it is the platform's free text and may quote personal data.
    case 'failed-transient':
      return { type: 'step-failed', details: { step: name, kind: 'transient', code: t.error.code.slice(0, 64), nextAttemptAt: t.nextAttemptAt } }
    case 'failed-needs-attention':
      return { type: 'step-failed', details: { step: name, kind: t.error.kind, code: t.error.code.slice(0, 64) } }
  }
}
