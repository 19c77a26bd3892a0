import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { actionForError, needsNewAccountQr } from '../../../shared/domain/error-actions'
import { rebindApplicant } from '../queue/rebind'
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
    await waitFor(() => h!.status(id) === 'needs-new-qr', 10_000, 'needs-new-qr')
    const failed = failedStep(h, id)
    expect(failed).toMatchObject({ name: 'sts', lastError: { kind: 'refused', code: '-1001' } })
    expect(failed?.lastError?.message).toBe('Not logged in, or the session has expired: uid and token do not match an account')
    const overrides = h.settings.platform.errorActions
    expect(actionForError(failed!.lastError!, overrides)).toBe('rebind')
    expect(needsNewAccountQr(failed!.lastError!, overrides)).toBe(true)
    // The queue's count of applicants waiting for a new account QR.
    expect(h.counts()).toMatchObject({ 'needs-new-qr': 1, 'needs-attention': 0 })

    // The customer shows a new account QR: same uid, fresh token.
    const fresh = await h.admin(`/users/${user.uid}/token`, z.object({ uid: z.string(), token: z.string() }), { method: 'POST', body: '{}' })
    expect(fresh.token).not.toBe(user.token)
    const engine = h.engine
    const rebound = await rebindApplicant({ store: h.store, operatorId: () => null, retry: (ids, op) => void engine.retry(ids, op) }, id, fresh, 'capture')
    expect(rebound.status).not.toBe('needs-new-qr')
    await waitFor(() => h!.status(id) === 'submitted', 20_000, 'submitted after re-bind')
    expect(h.counts()['needs-new-qr']).toBe(0)
    // Only the refused step ran again: sts is the one with two attempts.
    const attempts = Object.fromEntries(h.store.steps.steps(id).map((s) => [s.name, s.attempts]))
    expect(attempts).toMatchObject({ sts: 2, 'upload:front': 1, 'authnew:1': 1, reconcile: 1 })
  })

  it('still accepts a token within its lifetime', async () => {
    const sandboxNow = Date.now()
    h = await sandboxHarness({ sandbox: { tokenTtlSeconds: TTL_SECONDS, clock: () => sandboxNow } })
    const id = await queueApplicant(h.store, 9, await h.createUser())
    h.engine.start()
    await waitFor(() => h!.status(id) === 'submitted', 20_000, 'submitted')
  })
})
