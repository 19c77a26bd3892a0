/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And
 * Jitter"): the delay is uniform in [0, min(cap, base * 2^(attempt-1))). Full rather than equal
 * jitter because after an outage every waiting applicant retries at once otherwise; spreading
 * them over the whole window is what keeps a recovering platform from being knocked over again.
 */
export interface BackoffPolicy {
  readonly baseMs: number
  readonly capMs: number
}

/** The window an attempt's delay is drawn from; `attempt` counts from 1. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 52))
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent)
}

/** `random` returns a value in [0, 1), like Math.random (injected so tests can pin it). */
export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeiling(attempt, policy))
}
