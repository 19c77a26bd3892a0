import type { PlatformOutcome } from '../platform-client/outcome'
import type { StsCredentials } from '../platform-client/platform-client'

/** Credentials are reused until this long before they expire (docs/platform-api/CONTRACT.md: 5 minutes). */
export const stsRefreshMarginMs = 5 * 60_000

/**
 * The margin for credentials that lived `lifetimeMs` when issued: 5 minutes, or half their life
 * when that is shorter, so short-lived credentials (a platform set to 60 s) are still reused.
 */
export function refreshMarginMs(lifetimeMs: number): number {
  return Math.min(stsRefreshMarginMs, Math.max(0, lifetimeMs) / 2)
}

interface CachedCredentials {
  readonly credentials: StsCredentials
  readonly fetchedAt: number
}

/**
 * STS credentials per applicant, in memory only. One request at a time per applicant (single
 * flight): three uploads that find the credentials stale at the same moment share one getsts.
 * ali-oss's own refreshSTSToken is not used: it races (ali-oss #1363, #1391, #960).
 */
export class StsCache {
  private readonly entries = new Map<string, CachedCredentials>()
  private readonly inFlight = new Map<string, Promise<PlatformOutcome<StsCredentials>>>()

  constructor(private readonly clock: () => number = Date.now) {}

  async get(applicantId: string, fetch: () => Promise<PlatformOutcome<StsCredentials>>): Promise<PlatformOutcome<StsCredentials>> {
    const cached = this.entries.get(applicantId)
    if (cached) {
      const { credentials, fetchedAt } = cached
      if (credentials.expiresAt - refreshMarginMs(credentials.expiresAt - fetchedAt) > this.clock()) return { kind: 'ok', value: credentials }
    }
    const running = this.inFlight.get(applicantId)
    if (running) return running
    const fetchedAt = this.clock()
    const request = fetch()
      .then((outcome) => {
        if (outcome.kind === 'ok') this.entries.set(applicantId, { credentials: outcome.value, fetchedAt })
        return outcome
      })
      .finally(() => this.inFlight.delete(applicantId))
    this.inFlight.set(applicantId, request)
    return request
  }

  /** Drop credentials OSS refused (expired or unknown), so the next get asks again. */
  invalidate(applicantId: string, rejected?: StsCredentials): void {
    const current = this.entries.get(applicantId)
    if (!rejected || current?.credentials.securityToken === rejected.securityToken) this.entries.delete(applicantId)
  }

  /** Drops the applicant's credentials; returns them, so their secrets can be forgotten too. */
  forget(applicantId: string): StsCredentials | undefined {
    const cached = this.entries.get(applicantId)
    this.entries.delete(applicantId)
    return cached?.credentials
  }

  size(): number {
    return this.entries.size
  }
}
