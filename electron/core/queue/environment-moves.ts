import { trainingEnvironment } from '../../../shared/domain/environment'
import { submissionSteps } from '../../../shared/domain/steps'
import { inTransaction } from '../db/connection'
import type { ApplicantLifecycle } from './applicant-lifecycle'
import type { StoreContext } from './context'
import { changeOf, refreshDerived } from './derived'
import { resetStepsInTx } from './step-resets'
import type { StepChange } from './types'

/** Applicants leaving the environment they were captured for: re-targeted to a new platform, or training ones removed. */
export class EnvironmentMoves {
  constructor(
    private readonly ctx: StoreContext,
    private readonly lifecycle: ApplicantLifecycle,
  ) {}

  /** Training applicants still holding data. */
  trainingCount(): number {
    return this.ctx.applicants.idsInEnvironment(trainingEnvironment).length
  }

  /** Queued for `environment` and not yet held by its platform: what a change of platform strands. */
  waiting(environment: string): string[] {
    return this.ctx.applicants.waitingInEnvironment(environment)
  }

  /**
   * Moves the waiting applicants of `from` to `to`, every submission step from the start: nothing
   * the old platform holds (STS grant, uploads, authnew) exists on the new one. One transaction:
   * its own, or the caller's that `within` opens around `move` (saving the new platform), so the
   * move commits with it or not at all. Step changes are published once it has committed.
   */
  retarget(from: string, to: string, operatorId: string | null, within: (move: () => void) => void = (move) => inTransaction(this.ctx.db, move)): number {
    const changes: StepChange[] = []
    let moved = 0
    within(() => {
      moved = this.retargetInTx(from, to, operatorId, changes)
    })
    this.ctx.publish(changes)
    return moved
  }

  private retargetInTx(from: string, to: string, operatorId: string | null, changes: StepChange[]): number {
    const ids = this.ctx.applicants.waitingInEnvironment(from)
    const at = this.ctx.now()
    for (const id of ids) {
      this.ctx.applicants.setEnvironment(id, to, at)
      const reset = resetStepsInTx(this.ctx, id, submissionSteps, at)
      const { status } = refreshDerived(this.ctx, id, at)
      changes.push(...reset.map((s) => changeOf(id, s, status)))
    }
    if (ids.length > 0) {
      this.ctx.events.append({ at, applicantId: null, operatorId, type: 'applicants-retargeted', details: { count: ids.length, from, to } })
    }
    return ids.length
  }

  /**
   * Every applicant captured in training mode, gone: one never synced is deleted with its images,
   * one the sandbox saw is purged (as retention would; its reference and history remain). One
   * whose step is running right now is left for the next clean-up.
   */
  removeTraining(operatorId: string | null): { removed: number; running: number } {
    let removed = 0
    let running = 0
    for (const id of this.ctx.applicants.idsInEnvironment(trainingEnvironment)) {
      const deleted = this.lifecycle.remove(id, operatorId)
      const result = !deleted.ok && deleted.reason === 'reached-platform' ? this.lifecycle.purge(id, operatorId, 'training-removed') : deleted
      if (result.ok) removed += 1
      else if (result.reason === 'running') running += 1
    }
    this.ctx.events.append({ at: this.ctx.now(), applicantId: null, operatorId, type: 'training-removed', details: { count: removed, running } })
    return { removed, running }
  }
}
