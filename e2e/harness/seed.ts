import { demoIdentity, demoImage } from '../../electron/core/environment/demo-applicants'
import type { Core } from '../../electron/core/app/create-core'
import type { ImageInput } from '../../electron/core/queue/types'
import type { AccountBinding, IdentityData } from '../../shared/domain/identity'
import type { ImageSlot } from '../../shared/domain/images'
import type { SandboxAdmin } from '../../sandbox/index'

/** A fresh platform account in the sandbox (its admin API), so applicants never share a record. */
export async function sandboxAccount(admin: SandboxAdmin): Promise<AccountBinding> {
  const response = await admin.fetch('/users', { method: 'POST', body: '{}' })
  if (!response.ok) throw new Error(`sandbox refused a new account: ${response.status}`)
  return (await response.json()) as AccountBinding
}

let images: Promise<Record<ImageSlot, ImageInput>> | null = null

/** Real (generated) JPEGs, made once: thumbnails and uploads work on them. */
export function demoImages(): Promise<Record<ImageSlot, ImageInput>> {
  images ??= (async () => ({ front: await demoImage('front'), back: await demoImage('back'), hand: await demoImage('hand') }))()
  return images
}

/** Creates and queues one applicant through the core's store, as capture would (a valid demo identity by index). */
export async function seedApplicant(core: Core, binding: AccountBinding, identity: IdentityData | number): Promise<string> {
  const created = await core.store.applicants.createQueued({
    identity: typeof identity === 'number' ? demoIdentity(identity) : identity,
    binding,
    images: await demoImages(),
    operatorId: core.operators.currentOperatorId(),
    consent: { version: 'e2e', at: Date.now() },
  })
  if (!created.ok) throw new Error(`could not queue: ${created.reason}`)
  return created.id
}
