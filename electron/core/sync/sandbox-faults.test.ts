import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { queueApplicant } from './test-support/applicants'
import { sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

const COUNT = 100
const faultsSchema = z.object({ counters: z.object({ matched: z.number(), errors: z.number(), drops: z.number() }) })

describe('sync through a faulty platform and OSS', () => {
  let h: SandboxHarness
  afterAll(async () => h?.close())

  it('brings 100 applicants to submitted with 20% 500s, 10% dropped connections, 300 ms latency and 60 s STS, unattended', async () => {
    h = await sandboxHarness({
      sandbox: { stsTtlSeconds: 60 },
      // Many in flight: each call waits 300 ms, and the test must finish in well under a minute.
      sync: { concurrency: 16, retryBaseMs: 50, retryCapMs: 500 },
      engine: { probeCapMs: 300 },
    })
    const ids: string[] = []
    for (let index = 0; index < COUNT; index++) ids.push(await queueApplicant(h.store, index, await h.createUser()))
    await h.setFaults({ seed: 7, rules: [{ target: 'both', pathPattern: '*', latencyMs: 300, errorRate: 0.2, dropRate: 0.1 }] })

    let sawNeedsAttention = false
    const stop = h.store.onStepChange((change) => {
      if (change.status === 'needs-attention') sawNeedsAttention = true
    })
    h.engine.start()
    await waitFor(() => h.allIn(ids, ['submitted']), 150_000, 'all submitted')
    stop()

    expect(sawNeedsAttention).toBe(false)
    const faults = await h.admin('/faults', faultsSchema)
    // The faults really happened, many times over.
    expect(faults.counters.errors).toBeGreaterThan(100)
    expect(faults.counters.drops).toBeGreaterThan(50)
    // Every applicant needed at least as many attempts as steps; many needed retries.
    const attempts = ids.map((id) => {
      const record = h.store.applicants.get(id)
      return record?.stage === 'queued' ? record.steps.reduce((n, s) => n + s.attempts, 0) : 0
    })
    expect(Math.min(...attempts)).toBeGreaterThanOrEqual(9)
    expect(attempts.reduce((a, b) => a + b, 0)).toBeGreaterThan(COUNT * 9 * 1.2)
  }, 180_000)
})
