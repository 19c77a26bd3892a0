import type { StepName } from '../../../shared/domain/steps'
import { livenessNotVerified } from '../platform-client/platform-client'
import { fullJitterDelay } from './backoff'
import type { StepContext } from './step-context'
import { done, fromPlatformFailure, type StepOutcome } from './step-outcome'
import { verifyLinkFor } from './verify-link'

/** `vedioAuth`'s "not verified yet" (platform-client), under the name the liveness steps use. */
export const LIVENESS_NOT_VERIFIED = livenessNotVerified

/**
 * The outcomes that must be on disk before anyone sees them. A verify token is shown as a QR code
 * as soon as its outcome is visible; lost in the group-commit window, the step would replay after
 * a crash and the platform's new token would kill the code the customer is using. Committed with
 * an fsync, a replay can only re-issue a token nobody was shown.
 */
export function durabilityOf(name: StepName, outcome: StepOutcome): 'group' | 'now' {
  return name === 'liveness:token' && outcome.kind === 'done' ? 'now' : 'group'
}

/**
 * `liveness:token`: asks for a verify token. The platform gives it no expiry, so the engine sets
 * one (configurable, 30 minutes by default) after which the customer must be offered a new one.
 * The token is a credential: it is stored only sealed (the queue seals step data) and redacted.
 */
export async function runLivenessToken(ctx: StepContext): Promise<StepOutcome> {
  const source = ctx.settings.sync.livenessSource
  const outcome = await ctx.platform.startLiveness(ctx.record.binding, source)
  if (outcome.kind !== 'ok') return fromPlatformFailure(outcome)
  for (const secret of [outcome.value.token, outcome.value.url]) if (secret !== null) ctx.redactor.addSecret(secret, ctx.record.id)
  const link = verifyLinkFor(outcome.value, { urlTemplate: ctx.settings.platform.verifyUrlTemplate, trainingMode: ctx.trainingMode, source })
  if (!link.ok) return { kind: 'attention', errorKind: 'invalid', code: link.code, message: link.message }
  return done({
    verifyToken: link.verifyToken,
    verifyUrl: link.verifyUrl,
    expiresAt: ctx.now() + ctx.livenessTokenTtlMs,
  })
}

/**
 * `liveness:result`: polls `vedioAuth`. While it says -1002 the step waits with a backed-off next
 * poll, never later than the token's expiry; at or after expiry the liveness steps are withdrawn
 * (the applicant reads as submitted again and the operator may issue a new token).
 */
export async function runLivenessResult(ctx: StepContext): Promise<StepOutcome> {
  const token = ctx.queue.steps.stepData(ctx.record.id, 'liveness:token')
  if (token === null) return { kind: 'liveness-expired' }
  ctx.redactor.addSecret(token.verifyToken, ctx.record.id)
  const outcome = await ctx.platform.livenessResult(ctx.record.binding, ctx.settings.sync.livenessSource)
  if (outcome.kind === 'ok') return done()
  if (outcome.kind === 'refused' && outcome.status === LIVENESS_NOT_VERIFIED) {
    const now = ctx.now()
    if (now >= token.expiresAt) return { kind: 'liveness-expired' }
    const policy = { baseMs: ctx.settings.sync.retryBaseMs, capMs: Math.min(ctx.settings.sync.retryCapMs, ctx.livenessPollCapMs) }
    const retryAt = Math.min(now + fullJitterDelay(ctx.attempt, policy, ctx.random), token.expiresAt)
    return { kind: 'transient', code: String(outcome.status), message: outcome.message, network: false, retryAt }
  }
  return fromPlatformFailure(outcome)
}
