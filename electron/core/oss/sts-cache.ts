import type { PlatformOutcome } from '../platform-client/outcome'
import type { StsCredentials } from '../platform-client/platform-client'

/** Credentials are reused until this long before they expire (CONTRACT.md: 5 minutes). */
export const stsRefreshMarginMs = 5 * 60_000

/**
 * STS credentials per applicant, in memory only. One request at a time per applicant (single
 * flight): three uploads that find the credentials stale at the same moment share one getsts.
 * ali-oss's own refreshSTSToken is not used: it races (ali-oss #1363, #1391, #960).
 */
export class StsCache {
  private readonly entries = new Map<string, StsCredentials>()
  private readonly inFlight = new Map<string, Promise<PlatformOutcome<StsCredentials>>>()

  constructor(private readonly clock: () => number = Date.now) {}

  async get(applicantId: string, fetch: () => Promise<PlatformOutcome<StsCredentials>>): Promise<PlatformOutcome<StsCredentials>> {
    const cached = this.entries.get(applicantId)
    if (cached && cached.expiresAt - stsRefreshMarginMs > this.clock()) return { kind: 'ok', value: cached }
    const running = this.inFlight.get(applicantId)
    if (running) return running
    const request = fetch()
      .then((outcome) => {
        if (outcome.kind === 'ok') this.entries.set(applicantId, outcome.value)
        return outcome
      })
      .finally(() => this.inFlight.delete(applicantId))
    this.inFlight.set(applicantId, request)
    return request
  }

  /** Drop credentials OSS refused (expired or unknown), so the next get asks again. */
  invalidate(applicantId: string, rejected?: StsCredentials): void {
    const current = this.entries.get(applicantId)
    if (!rejected || current?.securityToken === rejected.securityToken) this.entries.delete(applicantId)
  }

  forget(applicantId: string): void {
    this.entries.delete(applicantId)
  }

  size(): number {
    return this.entries.size
  }
}
