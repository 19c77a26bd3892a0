import type { PlatformCall } from '../../../shared/contract/diagnostics'

/**
 * The last platform requests, for the diagnostics view: path, outcome, code and duration as the
 * platform client reports them through `onCall` (it never sees bodies, tokens or secrets).
 */
export class CallLog {
  private readonly calls: PlatformCall[] = []

  constructor(
    private readonly clock: () => number,
    private readonly capacity = 200,
  ) {}

  record(call: Omit<PlatformCall, 'at'>): void {
    this.calls.push({ at: this.clock(), path: call.path, outcome: call.outcome, code: call.code, ms: Math.max(0, Math.round(call.ms)) })
    if (this.calls.length > this.capacity) this.calls.splice(0, this.calls.length - this.capacity)
  }

  /** Newest first. */
  recent(): PlatformCall[] {
    return [...this.calls].reverse()
  }
}
