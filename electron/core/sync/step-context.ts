import type { Settings } from '../../../shared/domain/settings'
import type { Redactor } from '../log/redact'
import type { OssTarget } from '../oss/oss-uploader'
import type { StsCache } from '../oss/sts-cache'
import type { PlatformOutcome } from '../platform-client/outcome'
import type { StsCredentials } from '../platform-client/platform-client'
import type { ApplicantRecord } from '../queue/types'
import type { ImageReader, PlatformPort, PutObject, SyncQueue } from './ports'

export type QueuedRecord = Extract<ApplicantRecord, { stage: 'queued' }>

/** Everything a step needs, for one applicant and one attempt. */
export interface StepContext {
  readonly record: QueuedRecord
  /** Attempt number of this step (1 on the first try), for the liveness polling backoff. */
  readonly attempt: number
  readonly queue: SyncQueue
  readonly platform: PlatformPort
  readonly images: ImageReader
  readonly put: PutObject
  readonly target: OssTarget
  readonly sts: StsCache
  readonly settings: Settings
  readonly now: () => number
  readonly redactor: Redactor
  /** Training against the built-in sandbox: a plain-http verify page on this machine is accepted. */
  readonly trainingMode: boolean
  readonly livenessTokenTtlMs: number
  readonly livenessPollCapMs: number
  readonly random: () => number
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
      ctx.redactor.addSecret(outcome.value.accessKeySecret)
      ctx.redactor.addSecret(outcome.value.securityToken)
      ctx.redactor.addSecret(outcome.value.accessKeyId)
    }
    return outcome
  }
}
