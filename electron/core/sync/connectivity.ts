import { fullJitterDelay, type BackoffPolicy } from './backoff'
import type { OnlineSignal, SyncClock } from './ports'

export interface ConnectivityOptions {
  readonly clock: SyncClock
  /** True when the platform gave any HTTP answer at all. */
  readonly probe: () => Promise<boolean>
  readonly signal?: OnlineSignal
  readonly policy: () => BackoffPolicy
  readonly random: () => number
  readonly onChange: (online: boolean) => void
  /** Network failures in a row, with no answer in between, that take the engine offline. Default 2. */
  readonly failuresToOffline?: number
}

/**
 * Whether the platform is reachable, as the engine acts on it. Requests that get no answer, twice
 * in a row with no answer in between, take the whole engine offline, so a branch that lost its
 * line does not burn a retry on every applicant; a single dropped connection on a flaky line
 * (answers keep coming) only delays its own step. Offline, one cheap probe runs with backoff (the
 * first at once), and any answer, the app's online signal turning on, or any real request getting
 * through brings it back.
 */
export class Connectivity {
  private online: boolean
  private attempt = 0
  private failuresInARow = 0
  private timer: unknown = null
  private active = false
  private unsubscribe: (() => void) | undefined

  constructor(private readonly options: ConnectivityOptions) {
    this.online = options.signal?.isOnline() ?? true
  }

  isOnline(): boolean {
    return this.online
  }

  start(): void {
    if (this.active) return
    this.active = true
    this.unsubscribe = this.options.signal?.onChange?.((online) => (online ? this.markOnline() : this.markOffline()))
    if (!this.online) this.scheduleProbe(0)
  }

  stop(): void {
    this.active = false
    this.unsubscribe?.()
    this.unsubscribe = undefined
    this.clearTimer()
  }

  /** A request got no answer at all (refused connection, reset, timeout, DNS). */
  reportNetworkFailure(): void {
    this.failuresInARow += 1
    if (this.online && this.failuresInARow >= (this.options.failuresToOffline ?? 2)) this.markOffline()
  }

  /** A request got an HTTP answer, whatever it said: the path to the platform works. */
  reportReachable(): void {
    this.failuresInARow = 0
    if (!this.online) this.markOnline()
  }

  /** Probe now rather than at the next backoff (the operator pressed sync). */
  probeNow(): void {
    if (!this.online && this.active) this.scheduleProbe(0)
  }

  private markOffline(): void {
    this.online = false
    this.attempt = 0
    if (this.active) this.scheduleProbe(0)
    this.options.onChange(false)
  }

  private markOnline(): void {
    this.clearTimer()
    this.failuresInARow = 0
    const was = this.online
    this.online = true
    this.attempt = 0
    if (!was) this.options.onChange(true)
  }

  private scheduleProbe(delayMs: number): void {
    this.clearTimer()
    this.timer = this.options.clock.setTimeout(() => {
      this.timer = null
      void this.probeOnce()
    }, delayMs)
  }

  private async probeOnce(): Promise<void> {
    if (this.online || !this.active) return
    this.attempt += 1
    const reachable = await this.options.probe().catch(() => false)
    if (this.online || !this.active) return
    if (reachable) this.markOnline()
    else if (this.timer === null) this.scheduleProbe(fullJitterDelay(this.attempt, this.options.policy(), this.options.random))
  }

  private clearTimer(): void {
    if (this.timer !== null) this.options.clock.clearTimeout(this.timer)
    this.timer = null
  }
}

/** The default probe: any HTTP answer from the platform's base URL, within the timeout. */
export function httpProbe(url: string, timeoutMs = 5_000): () => Promise<boolean> {
  return async () => {
    try {
      const response = await fetch(url, { method: 'GET', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) })
      await response.body?.cancel()
      return true
    } catch {
      return false
    }
  }
}
