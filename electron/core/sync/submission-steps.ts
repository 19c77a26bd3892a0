import type { ImageSlot } from '../../../shared/domain/images'
import { effectiveReconcileRules } from '../../../shared/domain/reconcile-rules'
import { objectKeyFor } from '../oss/object-key'
import type { UploadImage } from '../vault/image-store'
import { echoFromAuthInfo } from '../platform-client/from-wire'
import { objectUrl } from './image-reference'
import { findMismatches, mismatchMessage, RECONCILE_MISMATCH } from './reconcile'
import { fetchStsFor, stsKeyOf, type StepContext } from './step-context'
import type { StepResult } from '../queue/step-result'
import { done, fromPlatformFailure, whenOk } from './platform-results'
import { putWithSts } from './sts-upload'

const uploadStep = { front: 'upload:front', back: 'upload:back', hand: 'upload:hand' } as const satisfies Record<ImageSlot, string>

/** `sts`: makes sure the applicant has usable credentials (kept in memory only, never stored). */
export async function runSts(ctx: StepContext): Promise<StepResult> {
  const outcome = await ctx.env.sts.get(stsKeyOf(ctx.record), fetchStsFor(ctx))
  return whenOk(outcome, () => done())
}

/**
 * `upload:<slot>`: reads this one image from the encrypted store (only now, so a batch never
 * holds more than the images in flight) and puts it at its deterministic key, so a replay after
 * a crash overwrites the same object instead of adding one.
 */
export async function runUpload(ctx: StepContext, slot: ImageSlot): Promise<StepResult> {
  const { record } = ctx
  const image = record.images[slot]
  const key = objectKeyFor(record.binding.uid, record.id, slot, image.sha256)
  let body: UploadImage
  try {
    body = await ctx.env.images.readForUpload(image.sha256)
  } catch {
    return {
      kind: 'attention',
      errorKind: 'invalid',
      code: 'IMAGE_UNREADABLE',
      message: `The stored ${slot} image cannot be read; capture it again.`,
      reason: { key: `stepError.imageUnreadable.${slot}` },
    }
  }
  const outcome = await putWithSts({
    cacheKey: stsKeyOf(record),
    cache: ctx.env.sts,
    fetchSts: fetchStsFor(ctx),
    put: ctx.env.put,
    target: ctx.target,
    key,
    body,
  })
  switch (outcome.kind) {
    case 'ok':
      return done({ objectKey: key })
    case 'sts':
      return fromPlatformFailure(outcome.outcome)
    case 'credentials':
      // Refused again with fresh credentials: likely clock skew or a platform hiccup, not the applicant.
      return { kind: 'transient', code: outcome.code, message: outcome.message, network: false, reason: outcome.reason }
    case 'transient':
      return { kind: 'transient', code: outcome.code, message: outcome.message, network: outcome.network, reason: outcome.reason }
    case 'refused':
      return { kind: 'attention', errorKind: 'refused', code: outcome.code, message: outcome.message, reason: outcome.reason }
  }
}

type ReferenceResult = { ok: true; reference: string; objectKey: string } | { ok: false; result: StepResult }

/** What authnew sends for an image: the key the upload stored, or its URL where configured. */
async function referenceFor(ctx: StepContext, slot: ImageSlot): Promise<ReferenceResult> {
  const data = ctx.env.queue.steps.stepData(ctx.record.id, uploadStep[slot])
  if (data === null) {
    const message = `The ${slot} image upload left no object key; sync the image again.`
    return { ok: false, result: { kind: 'attention', errorKind: 'invalid', code: 'UPLOAD_MISSING', message, reason: { key: `stepError.uploadMissing.${slot}` } } }
  }
  if (ctx.settings.oss.imageReference === 'object-key') return { ok: true, reference: data.objectKey, objectKey: data.objectKey }
  const sts = await ctx.env.sts.get(stsKeyOf(ctx.record), fetchStsFor(ctx))
  if (sts.kind !== 'ok') return { ok: false, result: fromPlatformFailure(sts) }
  return { ok: true, reference: objectUrl(ctx.target, sts.value.bucket, data.objectKey), objectKey: data.objectKey }
}

/** `authnew:1`: the identity data; re-sending the same data is a no-op on the platform. */
export async function runIdentity(ctx: StepContext): Promise<StepResult> {
  return whenOk(await ctx.platform.submitIdentity(ctx.record.binding, ctx.record.identity), () => done())
}

/** `authnew:2..4`: one image reference each. */
export async function runImageStep(ctx: StepContext, slot: ImageSlot): Promise<StepResult> {
  const ref = await referenceFor(ctx, slot)
  if (!ref.ok) return ref.result
  const { binding, identity } = ctx.record
  return whenOk(await ctx.platform.submitImage(binding, slot, ref.reference, identity.chineseMainland), () => done())
}

/** `reconcile`: the platform's record must hold what was sent, under each field's rule, or a person looks at it. */
export async function runReconcile(ctx: StepContext): Promise<StepResult> {
  const front = await referenceFor(ctx, 'front')
  if (!front.ok) return front.result
  const back = await referenceFor(ctx, 'back')
  if (!back.ok) return back.result
  const hand = await referenceFor(ctx, 'hand')
  if (!hand.ok) return hand.result
  const info = await ctx.platform.authInfo(ctx.record.binding)
  if (info.kind !== 'ok') return fromPlatformFailure(info)
  const mismatches = findMismatches(
    {
      identity: ctx.record.identity,
      references: { front: front.reference, back: back.reference, hand: hand.reference },
      objectKeys: { front: front.objectKey, back: back.objectKey, hand: hand.objectKey },
    },
    echoFromAuthInfo(info.value),
    effectiveReconcileRules(ctx.settings.platform.reconcileRules),
  )
  if (mismatches.length === 0) return done()
  return {
    kind: 'attention',
    errorKind: 'invalid',
    code: RECONCILE_MISMATCH,
    message: mismatchMessage(mismatches),
    reason: { key: 'stepError.reconcileMismatch', params: { n: mismatches.length } },
  }
}
