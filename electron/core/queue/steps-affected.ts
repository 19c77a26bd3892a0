import type { IdentityData } from '../../../shared/domain/identity'
import type { ImageSlot } from '../../../shared/domain/images'
import { stepNames, submissionSteps, type StepName } from '../../../shared/domain/steps'

/**
 * What an edit can change. `uid` is a different platform account (everything again); `token` is
 * only fresh credentials for the same account, which re-runs nothing by itself (a step refused
 * for a stale token is retried with `retryFailed`).
 */
export type EditedField = keyof IdentityData | 'uid' | 'token'

const uploadOf = { front: 'upload:front', back: 'upload:back', hand: 'upload:hand' } as const satisfies Record<ImageSlot, StepName>
const authnewOf = { front: 'authnew:2', back: 'authnew:3', hand: 'authnew:4' } as const satisfies Record<ImageSlot, StepName>

/**
 * The submission steps an edit makes stale, in step order. `reconcile` re-runs after any change
 * since it compares the platform's record with what we sent. Any identity change re-sends authnew 1
 * and then 2-4 as well: a platform may drop the image steps when step 1 changes (the sandbox does,
 * as its README documents), and re-sending an image reference is idempotent, so re-running them
 * costs three small calls and never leaves the record half-submitted. Uploads are not repeated.
 * Liveness steps are not listed: they are reset whenever any submission step is (see the step
 * service).
 */
export function stepsAffectedByEdit(changedFields: readonly EditedField[], changedSlots: readonly ImageSlot[]): StepName[] {
  const affected = new Set<StepName>()
  const identityFields = changedFields.filter((f) => f !== 'uid' && f !== 'token')
  if (changedFields.includes('uid')) {
    for (const step of submissionSteps) affected.add(step)
  }
  if (identityFields.length > 0) {
    affected.add('authnew:1')
    for (const slot of ['front', 'back', 'hand'] as const) affected.add(authnewOf[slot])
  }
  for (const slot of changedSlots) {
    affected.add(uploadOf[slot])
    affected.add(authnewOf[slot])
  }
  if (affected.size > 0) affected.add('reconcile')
  return stepNames.filter((s) => affected.has(s))
}
