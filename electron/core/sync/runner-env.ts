import type { ApplicantStatus } from '../../../shared/domain/status'
import type { StepName } from '../../../shared/domain/steps'
import { applicantRedactions } from '../log/applicant-redactions'
import { putObject } from '../oss/oss-uploader'
import type { StsCache } from '../oss/sts-cache'
import type { RunnerEnv } from './applicant-runner'
import type { BackoffPolicy } from './backoff'
import type { SyncEngineDeps } from './engine-api'
import type { SyncClock, SyncQueue } from './ports'
import type { StepOutcome } from './step-outcome'

const DEFAULT_TOKEN_TTL_MS = 30 * 60_000
const DEFAULT_POLL_CAP_MS = 15_000

/** The engine's own parts a runner reaches back into. */
export interface EngineParts {
  readonly clock: SyncClock
  readonly random: () => number
  readonly sts: StsCache
  backoff(): BackoffPolicy
  mayStartStep(): boolean
  observe(applicantId: string, step: StepName, outcome: StepOutcome): void
  claimUid(applicantId: string, uid: string): boolean
}

/** Wires the engine's dependencies into what an applicant runner and its steps see. */
export function createRunnerEnv(deps: SyncEngineDeps, parts: EngineParts): RunnerEnv {
  return {
    queue: deps.queue,
    clock: parts.clock,
    log: deps.log,
    sts: parts.sts,
    random: parts.random,
    backoff: () => parts.backoff(),
    autoLiveness: () => deps.settings().sync.autoLiveness,
    mayStartStep: () => parts.mayStartStep(),
    observe: (id, step, outcome) => parts.observe(id, step, outcome),
    registerSecret: (value, applicantId) => deps.redactor.addSecret(value, applicantId),
    redact: (text, record) => deps.redactor.text(text, applicantRedactions(record)),
    forgetSecret: (value) => deps.redactor.forgetSecret(value),
    forgetApplicant: (applicantId) => deps.redactor.forgetOwner(applicantId),
    claimUid: (applicantId, uid) => parts.claimUid(applicantId, uid),
    stepContext: (record, attempt) => ({
      record,
      attempt,
      queue: deps.queue,
      platform: typeof deps.platform === 'function' ? deps.platform() : deps.platform,
      images: deps.images,
      put: deps.put ?? putObject,
      target: typeof deps.oss === 'function' ? deps.oss() : deps.oss,
      sts: parts.sts,
      settings: deps.settings(),
      now: () => parts.clock.now(),
      redactor: deps.redactor,
      trainingMode: deps.trainingMode ?? false,
      livenessTokenTtlMs: deps.livenessTokenTtlMs ?? DEFAULT_TOKEN_TTL_MS,
      livenessPollCapMs: deps.livenessPollCapMs ?? DEFAULT_POLL_CAP_MS,
      random: parts.random,
    }),
  }
}

/** Every applicant id with this status, a page at a time (listing never decrypts). */
export function idsWithStatus(queue: SyncQueue, status: ApplicantStatus): string[] {
  const ids: string[] = []
  const pageSize = 1_000
  for (let offset = 0; ; offset += pageSize) {
    const page = queue.applicants.list({ status, offset, limit: pageSize, order: 'oldest' })
    ids.push(...page.items.map((item) => item.id))
    if (page.items.length < pageSize) return ids
  }
}
