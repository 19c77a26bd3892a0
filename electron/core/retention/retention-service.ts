import type { Settings } from '../../../shared/domain/settings'
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

/**
 * Keeps personal data only as long as needed (PIPL Art. 19): images and identity fields of a
 * verified applicant go after the configured days (0: at once), leaving the minimal record and
 * the event log. Drafts and unsynced applicants are never purged here, only reported as stale
 * so a person decides.
 */
export class RetentionService {
  constructor(private readonly deps: RetentionDeps) {}

  policy(): Settings['retention'] {
    return this.deps.settings().retention
  }

  run(): RetentionRun {
    const now = this.deps.clock()
    const keepMs = this.deps.settings().retention.purgeVerifiedAfterDays * dayMs
    const purged: string[] = []
    const failed: { id: string; reason: string }[] = []
    for (const applicant of this.verifiedNotPurged()) {
      const at = verifiedAt(applicant)
      if (at === null || now - at < keepMs) continue
      const result = this.deps.store.applicants.purge(applicant.id, null, 'retention')
      if (result.ok) purged.push(applicant.id)
      else failed.push({ id: applicant.id, reason: result.reason })
    }
    if (purged.length > 0 || failed.length > 0) this.deps.log.info('retention.run', { purged: purged.length, failed })
    return { purged, failed }
  }

  /** Applicants not yet submitted and older than the configured days: shown to the operator. */
  stale(): ApplicantSummary[] {
    const cutoff = this.deps.clock() - this.deps.settings().retention.flagStaleAfterDays * dayMs
    const out: ApplicantSummary[] = []
    for (const status of ['draft', 'queued', 'waiting-retry', 'needs-attention'] as const) {
      out.push(...this.page(status).filter((a) => a.createdAt < cutoff))
    }
    return out.sort((a, b) => a.createdAt - b.createdAt)
  }

  private verifiedNotPurged(): ApplicantSummary[] {
    return this.page('verified').filter((a) => a.purgedAt === null)
  }

  private page(status: 'verified' | 'draft' | 'queued' | 'waiting-retry' | 'needs-attention'): ApplicantSummary[] {
    const items: ApplicantSummary[] = []
    for (let offset = 0; ; offset += 1000) {
      const page = this.deps.store.applicants.list({ status, offset, limit: 1000, order: 'oldest' })
      items.push(...page.items)
      if (page.items.length < 1000) return items
    }
  }
}
