import type { Settings } from '../../../shared/domain/settings'
import type { ApplicantStatus } from '../../../shared/domain/status'
import type { Logger } from '../log/logger'
import type { KycStore } from '../queue/store'
import type { ApplicantSummary } from '../queue/types'

const dayMs = 24 * 60 * 60_000

export interface RetentionDeps {
  readonly store: Pick<KycStore, 'applicants'>
  readonly settings: () => Settings
  readonly clock: () => number
  readonly log: Logger
}

export interface RetentionRun {
  readonly purged: readonly string[]
  readonly failed: readonly { id: string; reason: string }[]
}

/** When the customer's face check passed: the liveness result step finishing. */
export function verifiedAt(applicant: ApplicantSummary): number | null {
  const step = applicant.steps.find((s) => s.name === 'liveness:result')
  return step?.state === 'done' ? step.updatedAt : null
}

/** Where an applicant's retention age starts: when it was queued (a draft: when it was created). */
export function retentionAgeFrom(applicant: ApplicantSummary): number {
  return applicant.queuedAt ?? applicant.createdAt
}

const unfinished = ['draft', 'queued', 'syncing', 'waiting-retry', 'needs-attention', 'needs-new-qr', 'submitted', 'liveness-pending'] as const satisfies readonly ApplicantStatus[]
type ListedStatus = (typeof unfinished)[number] | 'verified'

/**
 * Keeps personal data only as long as needed (PIPL Art. 19). A verified applicant's images and
 * identity fields go after the configured days (0: at once). Every other applicant is flagged to
 * the operator past the flag age, and a queued one (unsynced, refused, submitted, or waiting for
 * the face check the customer never came back for) is purged past the unfinished age. Drafts
 * are only flagged: they are still in an operator's hands. A purge leaves the minimal record
 * and the event log.
 */
export class RetentionService {
  constructor(private readonly deps: RetentionDeps) {}

  policy(): Settings['retention'] {
    return this.deps.settings().retention
  }

  run(): RetentionRun {
    const now = this.deps.clock()
    const policy = this.policy()
    const due: ApplicantSummary[] = []
    for (const applicant of this.notPurged('verified')) {
      const at = verifiedAt(applicant)
      if (at !== null && now - at >= policy.purgeVerifiedAfterDays * dayMs) due.push(applicant)
    }
    for (const status of unfinished) {
      if (status === 'draft') continue
      due.push(...this.notPurged(status).filter((a) => now - retentionAgeFrom(a) >= policy.purgeUnfinishedAfterDays * dayMs))
    }
    const purged: string[] = []
    const failed: { id: string; reason: string }[] = []
    for (const applicant of due) {
      const result = this.deps.store.applicants.purge(applicant.id, null, 'retention')
      if (result.ok) purged.push(applicant.id)
      // A step still running finishes first; the next run purges it.
      else if (result.reason !== 'running') failed.push({ id: applicant.id, reason: result.reason })
    }
    if (purged.length > 0 || failed.length > 0) this.deps.log.info('retention.run', { purged: purged.length, failed })
    return { purged, failed }
  }

  /** Applicants not verified, not purged and past the flag age: shown to the operator before they are purged. */
  stale(): ApplicantSummary[] {
    const cutoff = this.deps.clock() - this.policy().flagStaleAfterDays * dayMs
    const out: ApplicantSummary[] = []
    for (const status of unfinished) out.push(...this.notPurged(status).filter((a) => retentionAgeFrom(a) < cutoff))
    return out.sort((a, b) => retentionAgeFrom(a) - retentionAgeFrom(b))
  }

  private notPurged(status: ListedStatus): ApplicantSummary[] {
    const items: ApplicantSummary[] = []
    for (let offset = 0; ; offset += 1000) {
      const page = this.deps.store.applicants.list({ status, offset, limit: 1000, order: 'oldest' })
      items.push(...page.items.filter((a) => a.purgedAt === null))
      if (page.items.length < 1000) return items
    }
  }
}
