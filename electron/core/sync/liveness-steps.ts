import { LIVENESS_NOT_VERIFIED } from '../../../shared/domain/steps'
import { fullJitterDelay } from './backoff'
import type { StepContext } from './step-context'
import type { StepResult } from '../queue/step-result'
import { done, fromPlatformFailure } from './platform-results'
import { verifyLinkFor } from './verify-link'

/**
 * `liveness:token`: asks for a verify token. The platform gives it no expiry, so the engine sets
 * one (configurable, 30 minutes by default) after which the customer must be offered a new one.
 * The token is a credential: it is stored only sealed (the queue seals step data) and redacted.
 */
export async function runLivenessToken(ctx: StepContext): Promise<StepResult> {
  const source = ctx.settings.sync.livenessSource
  const outcome = await ctx.platform.startLiveness(ctx.record.binding, source)
  if (outcome.kind !== 'ok') return fromPlatformFailure(outcome)
  for (const secret of [outcome.value.token, outcome.value.url]) if (secret !== null) ctx.env.redactor.addSecret(secret, ctx.record.id)
  const link = verifyLinkFor(outcome.value, { urlTemplate: ctx.settings.platform.verifyUrlTemplate, trainingMode: ctx.env.trainingMode, source })
  if (!link.ok) return { kind: 'attention', errorKind: 'invalid', code: link.code, message: link.message, reason: link.reason }
  return done({
    verifyToken: link.verifyToken,
    verifyUrl: link.verifyUrl,
    expiresAt: ctx.env.clock.now() + ctx.env.livenessTokenTtlMs,
  })
}

/**
 * `liveness:result`: polls `vedioAuth`. While it says -1002 the step waits with a backed-off next
 * poll, never later than the token's expiry; at or after expiry the liveness steps are withdrawn
 * (the applicant reads as submitted again and the operator may issue a new token).
 */
export async function runLivenessResult(ctx: StepContext): Promise<StepResult> {
  const token = ctx.env.queue.steps.stepData(ctx.record.id, 'liveness:token')
  if (token === null) return { kind: 'liveness-expired' }
  ctx.env.redactor.addSecret(token.verifyToken, ctx.record.id)
  const outcome = await ctx.platform.livenessResult(ctx.record.binding, ctx.settings.sync.livenessSource)
  if (outcome.kind === 'ok') return done()
  if (outcome.kind === 'refused' && outcome.status === LIVENESS_NOT_VERIFIED) {
    const now = ctx.env.clock.now()
    if (now >= token.expiresAt) return { kind: 'liveness-expired' }
    const policy = { baseMs: ctx.settings.sync.retryBaseMs, capMs: Math.min(ctx.settings.sync.retryCapMs, ctx.env.livenessPollCapMs) }
    const retryAt = Math.min(now + fullJitterDelay(ctx.attempt, policy, ctx.env.random), token.expiresAt)
    return { kind: 'transient', code: String(outcome.status), message: outcome.message, network: false, retryAt }
  }
  return fromPlatformFailure(outcome)
}
