import type { Clock } from '../common/clock'
import { randomBase62 } from '../common/random-ids'
import type { SandboxStore } from '../store/sandbox-store'
import type { LivenessToken } from '../store/liveness-tokens'

export interface LivenessDeps {
  store: SandboxStore
  clock: Clock
  verifyTokenTtlSeconds: number
}

/** Where an applicant's real-person (face) check stands. Only `passed` makes vedioAuth say 200. */
export type LivenessState = 'none' | 'pending' | 'expired' | 'failed' | 'passed'

export function issueVerifyToken(deps: LivenessDeps, uid: string, source: number): LivenessToken {
  const issuedAt = deps.clock()
  const token = {
    verifyToken: randomBase62(32),
    uid,
    source,
    issuedAt,
    expiresAt: issuedAt + deps.verifyTokenTtlSeconds * 1000,
  }
  deps.store.liveness.issue(token)
  return { ...token, state: 'pending', completedAt: null }
}

/** A pass is kept until step-1 data changes; otherwise the newest token decides. */
export function livenessStateOf(deps: LivenessDeps, uid: string): LivenessState {
  if (deps.store.kyc.get(uid).livenessPassedAt !== null) return 'passed'
  const latest = deps.store.liveness.latestFor(uid)
  if (!latest) return 'none'
  if (latest.state === 'failed') return 'failed'
  if (latest.state === 'passed') return 'passed'
  return latest.expiresAt <= deps.clock() ? 'expired' : 'pending'
}

export type CompletionOutcome = 'recorded' | 'unknown' | 'used' | 'expired' | 'superseded'

/** Records the applicant's face-check result for a token: once, and only before it expires. */
export function completeVerification(deps: LivenessDeps, verifyToken: string, result: 'pass' | 'fail'): CompletionOutcome {
  const token = deps.store.liveness.find(verifyToken)
  if (!token) return 'unknown'
  if (token.state === 'superseded') return 'superseded'
  if (token.state !== 'pending') return 'used'
  const now = deps.clock()
  if (token.expiresAt <= now) return 'expired'
  if (!deps.store.liveness.complete(verifyToken, result === 'pass' ? 'passed' : 'failed', now)) return 'used'
  if (result === 'pass') deps.store.kyc.markLivenessPassed(token.uid, now)
  return 'recorded'
}
