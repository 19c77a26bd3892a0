import type { StepName } from '../../../shared/domain/steps'
import { applicantRedactions } from '../log/applicant-redactions'
import type { StepResult } from '../queue/step-result'
import type { StepChange } from '../queue/types'
import { fullJitterDelay } from './backoff'
import { executeStep } from './execute-step'
import { redactResult } from './platform-results'
import { planNext, uploadsBehind } from './plan'
import { stepContext, stsKeyOf, type QueuedRecord, type SyncEnv } from './step-context'

const internalError: StepResult = {
  kind: 'attention',
  errorKind: 'invalid',
  code: 'INTERNAL',
  message: 'An unexpected error stopped this step; see the diagnostics log.',
  reason: { key: 'stepError.internal' },
}

/**
 * Kept by the engine for one run and filled in by its steps: the last result recorded, so the
 * engine asks for the run's durability when it ends, even if it threw.
 */
export interface RunLog {
  lastRecorded: StepName | null
}

/** One run as its steps (which may run side by side) share it. */
interface Run {
  readonly log: RunLog
  /**
   * Steps whose request is out. An edit may put one back to pending while it flies; a sibling's
   * result must not start it again then, or the old attempt's answer could land on the new one.
   */
  readonly flying: Set<StepName>
}

/**
 * Works through one applicant's steps until it is done, waits for a backoff, needs a person or
 * the engine says stop: plan, mark started, execute, record, and plan again from what the
 * record returned. `force` skips the backoff of the first step only.
 */
export async function runApplicant(applicantId: string, env: SyncEnv, force: boolean, log: RunLog): Promise<void> {
  const run: Run = { log, flying: new Set() }
  let forced = force
  try {
    while (env.mayStartStep()) {
      const record = readQueued(applicantId, env)
      if (!record) break
      // Read each time: an edit may have bound the applicant to another account meanwhile.
      if (!env.claimUid(record.id, record.binding.uid)) break
      if (uploadsBehind(record.steps)) env.uploadsBehind(record.id)
      const plan = planNext(record.steps, record.livenessRequestedAt !== null, env.clock.now(), forced)
      if (plan.kind !== 'run') break
      forced = false
      const started = env.queue.steps.markStarted(record.id, plan.steps)
      // Refused: an edit or another start got there first; the next read sorts it out.
      if (!started.ok) break
      if (!(await runStarted(record, started.changes, env, run))) break
    }
  } finally {
    // The redactor keeps an applicant's secrets only while it runs.
    env.redactor.forgetOwner(applicantId)
  }
}

/**
 * Runs steps already recorded as started, side by side; true if the run should read the record
 * and plan again. Each runs to its end even if a sibling throws, then the error goes on.
 */
async function runStarted(record: QueuedRecord, started: readonly StepChange[], env: SyncEnv, run: Run): Promise<boolean> {
  const settled = await Promise.allSettled(started.map((change) => runStep(record, change.step, change.attempts, env, run)))
  const failed = settled.find((s) => s.status === 'rejected')
  if (failed) throw failed.reason
  return settled.some((s) => s.status === 'fulfilled' && s.value)
}

/** A run's results were recorded but could not be made durable (the disk refused the WAL sync). */
export class ResultNotDurableError extends Error {
  override readonly name = 'ResultNotDurableError'
  constructor(
    readonly step: StepName,
    cause: unknown,
  ) {
    super(`the results recorded up to ${step} could not be written to disk safely: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/**
 * One attempt of a step already started: executed, recorded, and followed by the steps the
 * recorded snapshot plans. True when the record was refused, so the run plans again from the
 * row. Never throws for the step's own failure.
 */
async function runStep(record: QueuedRecord, name: StepName, attempt: number, env: SyncEnv, run: Run): Promise<boolean> {
  let result: StepResult
  run.flying.add(name)
  try {
    result = await executeStep(name, stepContext(env, record, attempt))
  } catch (error) {
    env.log.error('sync.step-crashed', { applicantId: record.id, step: name, error })
    result = internalError
  } finally {
    run.flying.delete(name)
  }
  // A platform or OSS message may quote what it was sent; it is stored, logged and shown from here.
  result = redactResult(result, (text) => env.redactor.text(text, applicantRedactions(record)))
  const now = env.clock.now()
  const retryAt = result.kind === 'transient' ? (result.retryAt ?? now + fullJitterDelay(attempt, env.backoff(), env.random)) : now
  const recorded = env.queue.steps.recordStep(record.id, name, result, { retryAt, autoLiveness: env.settings().sync.autoLiveness })
  if (recorded.ok) run.log.lastRecorded = name
  env.observe(record.id, name, result)
  if (result.kind === 'done' && name === 'reconcile') forgetUploadCredentials(record, env)
  if (!recorded.ok) return true
  if (result.kind !== 'done' || !env.mayStartStep()) return false
  if (uploadsBehind(recorded.steps)) env.uploadsBehind(record.id)
  const plan = planNext(recorded.steps, recorded.livenessRequested, env.clock.now(), false)
  const next = plan.kind === 'run' ? plan.steps.filter((step) => !run.flying.has(step)) : []
  if (next.length === 0) return false
  // Read afresh: an edit may have landed while the step was out, and the next steps must send it.
  const current = readQueued(record.id, env)
  if (!current) return false
  const started = env.queue.steps.markStarted(record.id, next)
  if (!started.ok) return true
  return runStarted(current, started.changes, env, run)
}

/** The record as it now stands, if it is still queued; its token goes to the redactor first. */
function readQueued(applicantId: string, env: SyncEnv): QueuedRecord | null {
  const record = env.queue.applicants.get(applicantId)
  if (!record || record.stage !== 'queued') return null
  env.redactor.addSecret(record.binding.token, record.id)
  return record
}

/** Uploads are over: the credentials have no further use in memory, nor their secrets in the redactor. */
function forgetUploadCredentials(record: QueuedRecord, env: SyncEnv): void {
  const credentials = env.sts.forget(stsKeyOf(record))
  if (credentials) for (const secret of [credentials.accessKeySecret, credentials.securityToken, credentials.accessKeyId]) env.redactor.forgetSecret(secret)
}
