import type { StepName } from '../../../shared/domain/steps'
import type { Logger } from '../log/logger'
import type { StsCache } from '../oss/sts-cache'
import type { BackoffPolicy } from './backoff'
import { commitFor } from './commit-outcome'
import { executeStep } from './execute-step'
import { durabilityOf } from './liveness-steps'
import { planNext } from './plan'
import type { SyncClock, SyncQueue } from './ports'
import type { NextSteps, StepChange } from '../queue/types'
import { stsKeyOf, type QueuedRecord, type StepContext } from './step-context'
import { redactOutcome, type StepOutcome } from './step-outcome'

export interface RunnerEnv {
  /** Masks secrets, identity numbers and this applicant's own values (token, document number, name) in a platform or OSS message. */
  redact(text: string, record: QueuedRecord): string
  readonly queue: SyncQueue
  readonly clock: SyncClock
  readonly log: Logger
  readonly sts: StsCache
  readonly random: () => number
  stepContext(record: QueuedRecord, attempt: number): StepContext
  backoff(): BackoffPolicy
  /** Whether a newly submitted applicant starts liveness at once (settings.sync.autoLiveness). */
  autoLiveness(): boolean
  /** False once the engine pauses, stops or goes offline: finish the step in hand, start no other. */
  mayStartStep(): boolean
  /** Hears every committed outcome (connectivity, state, last error). */
  observe(applicantId: string, step: StepName, outcome: StepOutcome): void
  /** Called with the decrypted uid token, so it never reaches a log while its applicant runs. */
  registerSecret(value: string, applicantId: string): void
  /** Called with credentials no longer in use, so the redactor does not keep every one ever issued. */
  forgetSecret(value: string): void
  /** Called when an applicant's run ends: its token and verify token leave the redactor (read again next run). */
  forgetApplicant(applicantId: string): void
  /** Claims the platform account for this run; false while another applicant's run holds it (see UidClaims). */
  claimUid(applicantId: string, uid: string): boolean
}

const internalError: StepOutcome = {
  kind: 'attention',
  errorKind: 'invalid',
  code: 'INTERNAL',
  message: 'An unexpected error stopped this step; see the diagnostics log.',
}

/**
 * Kept by the engine for one run and filled in by its steps (they may run side by side): the
 * last outcome committed, so the engine makes the run durable when it ends, even if it threw.
 */
export interface RunLog {
  lastRecorded: StepName | null
}

/** One run as its steps share it. */
interface Run {
  readonly log: RunLog
  /**
   * Steps of this run whose request is out. An edit may put one of them back to pending while it
   * flies; a sibling's done outcome must not start it again then, or the old attempt's result (an
   * upload of the replaced image, say) could land on the new attempt. It is refused instead, as an
   * outcome of a pending step, and the run plans again from the edited record.
   */
  readonly flying: Set<StepName>
}

/**
 * Works through one applicant's steps until it is done, waits for a backoff, needs a person or
 * the engine says stop. An edit or a retry made meanwhile is seen by the next step: each outcome's
 * commit reports the applicant's content revision, and the record is read again when it moved;
 * `force` skips the backoff of the first step only.
 *
 * Each outcome is committed at once but not synced: the engine makes the run's outcomes durable
 * with one WAL sync after the run (`whenDurable`), and the store syncs on its own within a
 * moment if a run lasts long. That is safe because the WAL replays transactions in order: a
 * power cut can only lose the last outcomes, never one before another, and crash recovery then
 * re-sends those steps in order with the same data, which the platform accepts as unchanged,
 * exactly as it does for a step that was in flight. Waiting for a sync at every step would add a
 * disk flush and a thread-pool round trip to every step's latency (tens of milliseconds on a
 * branch PC's hard disk).
 */
export async function runApplicant(applicantId: string, env: RunnerEnv, force: boolean, log: RunLog): Promise<void> {
  const run: Run = { log, flying: new Set() }
  let forced = force
  try {
    while (env.mayStartStep()) {
      const record = readQueued(applicantId, env)
      if (!record) break
      // Read each time: an edit may have bound the applicant to another account meanwhile.
      if (!env.claimUid(record.id, record.binding.uid)) break
      const plan = planNext(record.steps, record.livenessRequestedAt !== null, env.clock.now(), forced)
      if (plan.kind !== 'run') break
      forced = false
      // One commit marks every step of the plan started (the three uploads go together).
      const started = env.queue.steps.markStarted(record.id, plan.steps)
      // Refused: an edit or another start got there first; the next read of the record sorts it out.
      if (!started.ok) break
      if (!(await runStarted(record, started.changes, env, run))) break
    }
  } finally {
    // The redactor keeps an applicant's secrets only while it runs, so it holds those of the
    // applicants in flight, not of every one ever synced.
    env.forgetApplicant(applicantId)
  }
  // What is left (a backoff, a retry or an edit made since, liveness asked for later) is the
  // scheduler's: the engine looks for due applicants as soon as this run ends.
}

/**
 * Runs steps already committed as started, side by side; true if the run should read the record
 * and plan again (an outcome's commit was refused: something changed meanwhile). Each runs to its
 * end even if a sibling throws (so none is left half recorded), then the error goes on.
 */
async function runStarted(record: QueuedRecord, started: readonly StepChange[], env: RunnerEnv, run: Run): Promise<boolean> {
  const settled = await Promise.allSettled(started.map((change) => runStep(record, change.step, change.attempts, env, run)))
  const failed = settled.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  return settled.some((s) => s.status === 'fulfilled' && s.value)
}

/** A run's outcomes were committed but could not be made durable (the disk refused the WAL sync). */
export class OutcomeNotDurableError extends Error {
  override readonly name = 'OutcomeNotDurableError'
  constructor(
    readonly step: StepName,
    cause: unknown,
  ) {
    super(`the outcomes recorded up to ${step} could not be written to disk safely: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/**
 * What may start in the same commit as a done outcome: what the plan says now, backoff
 * respected, except a step of this run still in flight (see Run.flying).
 */
function nextSteps(env: RunnerEnv, run: Run): NextSteps | undefined {
  if (!env.mayStartStep()) return undefined
  return (steps, livenessRequested) => {
    const plan = planNext(steps, livenessRequested, env.clock.now(), false)
    return plan.kind === 'run' ? plan.steps.filter((name) => !run.flying.has(name)) : []
  }
}

/**
 * One attempt of a step already committed as started: performed, then committed as its outcome
 * (noted in `log`, for the run's WAL sync), and followed by the steps that commit started. True
 * when the commit was refused, so the run plans again from the record. Never throws for the
 * step's own failure.
 */
async function runStep(record: QueuedRecord, name: StepName, attempt: number, env: RunnerEnv, run: Run): Promise<boolean> {
  let outcome: StepOutcome
  run.flying.add(name)
  try {
    outcome = await executeStep(name, env.stepContext(record, attempt))
  } catch (error) {
    env.log.error('sync.step-crashed', { applicantId: record.id, step: name, error })
    outcome = internalError
  } finally {
    run.flying.delete(name)
  }
  // A platform or OSS message may quote what it was sent (a token, a document number, the name):
  // it is stored in clear for the dashboard, logged and shown to the operator, so it is redacted first.
  outcome = redactOutcome(outcome, (text) => env.redact(text, record))
  const commit = commitFor(outcome, attempt, env.clock.now(), env.backoff(), env.random)
  if (commit.kind === 'cancel-liveness') {
    env.queue.steps.cancelLiveness(record.id, null)
    env.observe(record.id, name, outcome)
    return false
  }
  // A done outcome starts what follows in the same commit (the last upload to finish starts
  // authnew step 1, and so on), which then runs at once: one commit per step instead of two.
  const next = outcome.kind === 'done' ? nextSteps(env, run) : undefined
  const result = env.queue.steps.recordOutcome(record.id, name, commit.transition, next, durabilityOf(name, outcome))
  if (result.ok) run.log.lastRecorded = name
  env.observe(record.id, name, outcome)
  if (outcome.kind === 'done' && name === 'reconcile') afterSubmitted(record, env)
  if (!result.ok) return true
  // Not done, or done with nothing to start: the commit planned from the very steps it left, so
  // reading the record again would find the same.
  if (outcome.kind !== 'done' || result.started.length === 0) return false
  // The commit found the applicant's content revision unchanged: the record in hand still says
  // what the row says (the commit checked it is queued and not purged), so the steps it started
  // run with it, without reading and decrypting it again.
  if (result.revision === record.revision) return runStarted(record, result.started, env, run)
  // An edit landed meanwhile: the steps that follow must see it. Steps the commit started but that
  // will not run now go back to pending, or they would stay 'running' (and the applicant out of
  // the scheduler) until the app restarts.
  const release = () => env.queue.steps.releaseStarted(record.id, result.started.map((c) => c.step))
  let fresh
  try {
    fresh = readQueued(record.id, env)
  } catch (error) {
    release()
    throw error
  }
  if (!fresh) {
    release()
    return false
  }
  return runStarted(fresh, result.started, env, run)
}

/** The record as it now stands, if it is still queued; its token goes to the redactor first. */
function readQueued(applicantId: string, env: RunnerEnv): QueuedRecord | null {
  const record = env.queue.applicants.get(applicantId)
  if (!record || record.stage !== 'queued') return null
  env.registerSecret(record.binding.token, record.id)
  return record
}

function afterSubmitted(record: QueuedRecord, env: RunnerEnv): void {
  // Uploads are over: the credentials have no further use in memory, nor their secrets in the
  // redactor (which would otherwise grow by three long strings per applicant, for good).
  const credentials = env.sts.forget(stsKeyOf(record))
  if (credentials) for (const secret of [credentials.accessKeySecret, credentials.securityToken, credentials.accessKeyId]) env.forgetSecret(secret)
  if (!env.autoLiveness()) return
  // The applicant's own capture-time choice may already have asked for it in the same commit.
  const fresh = env.queue.applicants.get(record.id)
  if (fresh?.stage === 'queued' && fresh.livenessRequestedAt === null) env.queue.steps.requestLiveness(record.id, null)
}
