import { afterEach, describe, expect, it } from 'vitest'
import type { SyncEngineState } from './engine-state'
import { queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

let h: SandboxHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

describe('platform outages and refusals, against the sandbox', () => {
  it('waits while the sandbox is stopped (never needs-attention) and resumes by itself when it is back', async () => {
    h = await sandboxHarness({ sync: { concurrency: 3, retryBaseMs: 50, retryCapMs: 400 }, engine: { probeCapMs: 400 } })
    const harness = h
    const ids: string[] = []
    for (let index = 0; index < 12; index++) ids.push(await queueApplicant(harness.store, index, await harness.createUser()))
    const states: SyncEngineState[] = []
    harness.engine.onState((s) => states.push(s))
    harness.engine.start()
    await waitFor(() => ids.some((id) => harness.status(id) === 'submitted'), 20_000, 'a first applicant submitted')

    await harness.stopSandbox()
    await waitFor(() => !harness.engine.state().online, 10_000, 'offline')
    const attemptsOf = () =>
      ids.reduce((n, id) => {
        const record = harness.store.applicants.get(id)
        return n + (record?.stage === 'queued' ? record.steps.reduce((m, s) => m + s.attempts, 0) : 0)
      }, 0)
    const attemptsWhenOffline = attemptsOf()
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    // Three seconds down: no step burnt a retry, nobody was handed to a person.
    expect(attemptsOf()).toBe(attemptsWhenOffline)
    expect(ids.every((id) => ['queued', 'syncing', 'waiting-retry', 'submitted'].includes(harness.status(id) ?? ''))).toBe(true)
    expect(harness.engine.state()).toMatchObject({ online: false, inFlight: 0 })
    expect(harness.counts()['waiting-retry']).toBeGreaterThan(0)

    await harness.restartSandbox()
    await waitFor(() => harness.allIn(ids, ['submitted']), 30_000, 'all submitted after the outage')
    expect(harness.engine.state().online).toBe(true)
    expect(states.some((s) => !s.online)).toBe(true)
  })

  it('stops exactly the refused applicants with the platform message (a dead token as needs-new-qr); the others finish', async () => {
    h = await sandboxHarness()
    const harness = h
    const good: string[] = []
    for (let index = 0; index < 4; index++) good.push(await queueApplicant(harness.store, index, await harness.createUser()))
    const badDigit = await queueApplicant(harness.store, 10, await harness.createUser(), { badCheckDigit: true })
    const user = await harness.createUser()
    const wrongToken = await queueApplicant(harness.store, 11, { uid: user.uid, token: `${user.token}-stale` })
    harness.engine.start()
    await waitFor(() => harness.allIn(good, ['submitted']) && harness.allIn([badDigit], ['needs-attention']) && harness.allIn([wrongToken], ['needs-new-qr']), 30_000)

    const failedStep = (id: string) => {
      const record = harness.store.applicants.get(id)
      return record?.stage === 'queued' ? record.steps.find((s) => s.state === 'failed') : undefined
    }
    // The sandbox's own words (en_US, as the client asks), passed through verbatim.
    expect(failedStep(badDigit)).toMatchObject({ name: 'authnew:1', lastError: { kind: 'refused', code: '-1000' } })
    expect(failedStep(badDigit)?.lastError?.message).toContain('wrong check character (GB 11643)')
    expect(failedStep(wrongToken)).toMatchObject({
      name: 'sts',
      lastError: { kind: 'refused', code: '-1001', message: 'Not logged in, or the session has expired: uid and token do not match an account' },
    })
    expect(harness.counts()).toMatchObject({ submitted: 4, 'needs-attention': 1, 'needs-new-qr': 1 })
  })
})
