/**
 * One applicant per platform account at a time. Two applicants bound to one uid that synced side
 * by side overwrote each other's data on the platform (it keeps one record per account), so a run
 * claims its uid before starting a step; another applicant with that uid waits until the holder's
 * run ends, and is skipped by the scheduler meanwhile rather than launched again and again.
 */
export class UidClaims {
  private readonly holders = new Map<string, string>()
  /** Applicant id to the uid it waits for. */
  private readonly waiting = new Map<string, string>()

  /** True when `uid` is free or already this applicant's; otherwise the applicant waits for it. */
  claim(applicantId: string, uid: string): boolean {
    const holder = this.holders.get(uid)
    if (holder === undefined || holder === applicantId) {
      this.holders.set(uid, applicantId)
      this.waiting.delete(applicantId)
      return true
    }
    this.waiting.set(applicantId, uid)
    return false
  }

  /** The applicant's run ended: its uids are free, and those waiting for them may run. */
  release(applicantId: string): void {
    for (const [uid, holder] of [...this.holders]) {
      if (holder !== applicantId) continue
      this.holders.delete(uid)
      for (const [waiter, wanted] of [...this.waiting]) if (wanted === uid) this.waiting.delete(waiter)
    }
  }

  isWaiting(applicantId: string): boolean {
    return this.waiting.has(applicantId)
  }

  get waitingCount(): number {
    return this.waiting.size
  }
}
