import type { StepName } from '../../../shared/domain/steps'
import type { Settings } from '../../../shared/domain/settings'
import type { Logger } from '../log/logger'
import type { Redactor } from '../log/redact'
import type { OssTarget } from '../oss/oss-uploader'
import type { StsCache } from '../oss/sts-cache'
import type { PlatformOutcome } from '../platform-client/outcome'
import type { StsCredentials } from '../platform-client/platform-client'
import type { StepResult } from '../queue/step-result'
import type { ApplicantRecord } from '../queue/types'
import type { BackoffPolicy } from './backoff'
import type { ImageReader, PlatformPort, PutObject, SyncClock, SyncQueue } from './ports'

export type QueuedRecord = Extract<ApplicantRecord, { stage: 'queued' }>

/**
 * The one environment of the sync engine's runs and steps, built once by the engine from its
 * SyncEngineDeps: the store, the outside world and the engine's own rules.
 */
export interface SyncEnv {
  readonly queue: SyncQueue
  readonly images: ImageReader
  readonly put: PutObject
  readonly sts: StsCache
  readonly redactor: Redactor
  readonly log: Logger
  readonly clock: SyncClock
  readonly random: () => number
  /** Training against the built-in sandbox: a plain-http verify page on this machine is accepted. */
  readonly trainingMode: boolean
  readonly livenessTokenTtlMs: number
  readonly livenessPollCapMs: number
  /** Read at each attempt, so a settings change applies from the next step on. */
  settings(): Settings
  platform(): PlatformPort
  oss(): OssTarget
  backoff(): BackoffPolicy
  /** False once the engine pauses, stops or goes offline: finish the step in hand, start no other. */
  mayStartStep(): boolean
  /** Hears every recorded result (connectivity, state, last error). */
  observe(applicantId: string, step: StepName, result: StepResult): void
  /** Claims the platform account for this run; false while another applicant's run holds it (see UidClaims). */
  claimUid(applicantId: string, uid: string): boolean
  /** This run's uploads are done: its slot on the upload line may go to the next applicant. */
  uploadsBehind(applicantId: string): void
}

/** One attempt of one step: the environment, the applicant as this run read it, and what the attempt reads once. */
export interface StepContext {
  readonly env: SyncEnv
  readonly record: QueuedRecord
  /** Attempt number of this step (1 on the first try), for the liveness polling backoff. */
  readonly attempt: number
  readonly settings: Settings
  readonly platform: PlatformPort
  readonly target: OssTarget
}

export function stepContext(env: SyncEnv, record: QueuedRecord, attempt: number): StepContext {
  return { env, record, attempt, settings: env.settings(), platform: env.platform(), target: env.oss() }
}

/**
 * The STS cache key: credentials are granted for one uid (and its upload prefix), so an edit that
 * changes the applicant's uid must never be served the old account's credentials.
 */
export function stsKeyOf(record: Pick<QueuedRecord, 'id' | 'binding'>): string {
  return `${record.id}:${record.binding.uid}`
}

/** getsts through the applicant's cache; secrets are registered with the redactor as they arrive. */
export function fetchStsFor(ctx: StepContext): () => Promise<PlatformOutcome<StsCredentials>> {
  return async () => {
    const outcome = await ctx.platform.getSts(ctx.record.binding)
    if (outcome.kind === 'ok') {
      ctx.env.redactor.addSecret(outcome.value.accessKeySecret)
      ctx.env.redactor.addSecret(outcome.value.securityToken)
      ctx.env.redactor.addSecret(outcome.value.accessKeyId)
    }
    return outcome
  }
}
