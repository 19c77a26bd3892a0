import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { actionForError, needsNewAccountQr, rebindCodes } from '../../../shared/domain/error-actions'
import { queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

let h: SandboxHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

const TTL_SECONDS = 600

function failedStep(harness: SandboxHarness, id: string) {
  const record = harness.store.applicants.get(id)
  return record?.stage === 'queued' ? record.steps.find((s) => s.state === 'failed') : undefined
}

describe('a customer token that expired before the offline capture was synced', () => {
  it('stops the applicant as needing a new account QR; re-binding with the new token syncs it to submitted', async () => {
    // The sandbox's clock moves by hand: the customer's token is issued now and dies TTL later.
    let sandboxNow = Date.now()
    h = await sandboxHarness({ sandbox: { tokenTtlSeconds: TTL_SECONDS, clock: () => sandboxNow } })
    const user = await h.createUser()
    const id = await queueApplicant(h.store, 8, user)
    sandboxNow += (TTL_SECONDS + 1) * 1000

    h.engine.start()
    await waitFor(() => h!.status(id) === 'needs-attention', 10_000, 'needs-attention')
    const failed = failedStep(h, id)
    expect(failed).toMatchObject({ name: 'sts', lastError: { kind: 'refused', code: '-1001' } })
    expect(failed?.lastError?.message).toBe('Not logged in, or the session has expired: uid and token do not match an account')
    const overrides = h.settings.platform.errorActions
    expect(actionForError(failed!.lastError!, overrides)).toBe('rebind')
    expect(needsNewAccountQr(failed!.lastError!, overrides)).toBe(true)
    // The queue's count of applicants waiting for a new account QR.
    expect(h.store.steps.countFailedWithCodes(rebindCodes(overrides))).toBe(1)

    // The customer shows a new account QR: same uid, fresh token.
    const fresh = await h.admin(`/users/${user.uid}/token`, z.object({ uid: z.string(), token: z.string() }), { method: 'POST', body: '{}' })
    expect(fresh.token).not.toBe(user.token)
    const updated = await h.store.applicants.update(id, { binding: fresh }, null)
    expect(updated.ok).toBe(true)
    h.engine.retry([id])
    await waitFor(() => h!.status(id) === 'submitted', 20_000, 'submitted after re-bind')
    expect(h.store.steps.countFailedWithCodes(rebindCodes(overrides))).toBe(0)
  })

  it('still accepts a token within its lifetime', async () => {
    const sandboxNow = Date.now()
    h = await sandboxHarness({ sandbox: { tokenTtlSeconds: TTL_SECONDS, clock: () => sandboxNow } })
    const id = await queueApplicant(h.store, 9, await h.createUser())
    h.engine.start()
    await waitFor(() => h!.status(id) === 'submitted', 20_000, 'submitted')
  })
})
