import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { identityToWire } from '../platform-client/to-wire'
import { identityFor, queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

const callSchema = z.object({ call: z.string(), step: z.number().nullable(), outcome: z.string() })
const userSchema = z.object({
  record: z.record(z.string(), z.unknown()).nullable(),
  liveness: z.object({ state: z.string() }),
  calls: z.array(callSchema),
})
const objectsSchema = z.object({ objects: z.array(z.object({ key: z.string(), size: z.number() })) })

const COUNT = 50

describe('sync against the sandbox: 50 applicants to submitted, then verified', () => {
  let h: SandboxHarness
  const applicants: { id: string; uid: string; index: number }[] = []

  beforeAll(async () => {
    h = await sandboxHarness({ sync: { concurrency: 6 } })
    for (let index = 0; index < COUNT; index++) {
      const user = await h.createUser()
      applicants.push({ id: await queueApplicant(h.store, index, user), uid: user.uid, index })
    }
  })
  afterAll(async () => h?.close())

  it('submits every applicant; the sandbox holds exactly their fields, three objects each, steps in order', async () => {
    h.engine.start()
    const ids = applicants.map((a) => a.id)
    await waitFor(() => h.allIn(ids, ['submitted']), 60_000, 'all submitted')
    expect(h.engine.state()).toMatchObject({ inFlight: 0, queued: 0, online: true })

    for (const a of applicants) {
      const user = await h.admin(`/users/${a.uid}`, userSchema)
      const { step: _step, ...sentFields } = identityToWire(identityFor(a.index))
      expect(user.record).toEqual(sentFields)

      const keys = (['upload:front', 'upload:back', 'upload:hand'] as const).map((s) => h.store.steps.stepData(a.id, s)?.objectKey)
      const { objects } = await h.admin(`/objects?prefix=${encodeURIComponent(`kyc/${a.uid}/`)}`, objectsSchema)
      expect(objects.map((o) => o.key).sort()).toEqual([...keys].sort())

      const authnew = user.calls.filter((c) => c.call === 'authnew')
      expect(authnew.map((c) => [c.step, c.outcome])).toEqual([
        [1, 'accepted'],
        [2, 'accepted'],
        [3, 'accepted'],
        [4, 'accepted'],
      ])
      expect(user.calls[0]?.call).toBe('getsts')
    }
  })

  it('takes them through liveness passed on the verify page to verified', async () => {
    for (const a of applicants) expect(h.engine.startLiveness(a.id)).toMatchObject({ ok: true })
    await waitFor(() => applicants.every((a) => h.store.steps.stepData(a.id, 'liveness:token') !== null), 30_000, 'tokens issued')
    expect(h.counts()['liveness-pending']).toBe(COUNT)

    for (const a of applicants) {
      const token = h.store.steps.stepData(a.id, 'liveness:token')
      const url = token?.verifyUrl
      if (!url) throw new Error('the sandbox gives a verify page for source=1')
      // What the customer's phone does on the page: GET it, then submit the form with "pass".
      expect((await fetch(url)).status).toBe(200)
      const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'result=pass' })
      expect(answer.status).toBe(200)
    }
    await waitFor(() => h.allIn(applicants.map((a) => a.id), ['verified']), 60_000, 'all verified')
    const sample = await h.admin(`/users/${applicants[0]!.uid}`, userSchema)
    expect(sample.liveness.state).toBe('passed')
  })
})

describe('a verify token left to expire', () => {
  let h: SandboxHarness
  afterAll(async () => h?.close())

  it('brings its applicant back to submitted, with re-issue possible', async () => {
    h = await sandboxHarness({ engine: { livenessTokenTtlMs: 1_500, livenessPollCapMs: 200 } })
    const user = await h.createUser()
    const id = await queueApplicant(h.store, 7, user)
    h.engine.start()
    await waitFor(() => h.status(id) === 'submitted', 20_000)
    h.engine.startLiveness(id)
    await waitFor(() => h.store.steps.stepData(id, 'liveness:token') !== null, 10_000)
    expect(h.status(id)).toBe('liveness-pending')
    await waitFor(() => h.status(id) === 'submitted', 10_000, 'expiry back to submitted')
    expect(h.store.applicants.get(id)?.livenessRequestedAt).toBeNull()

    expect(h.engine.startLiveness(id)).toMatchObject({ ok: true })
    await waitFor(() => h.store.steps.stepData(id, 'liveness:token') !== null, 10_000)
    expect(h.status(id)).toBe('liveness-pending')
  })
})
