import { describe, expect, it } from 'vitest'
import { Connectivity } from './connectivity'
import { FakeClock } from './test-support/fake-clock'

function setup(reachable: () => boolean, signal?: { isOnline(): boolean; onChange?(cb: (online: boolean) => void): () => void }) {
  const clock = new FakeClock()
  const probes: number[] = []
  const changes: boolean[] = []
  const connectivity = new Connectivity({
    clock,
    probe: async () => {
      probes.push(clock.now())
      return reachable()
    },
    ...(signal ? { signal } : {}),
    policy: () => ({ baseMs: 1_000, capMs: 8_000 }),
    random: () => 0.5,
    onChange: (online) => changes.push(online),
  })
  connectivity.start()
  return { clock, probes, changes, connectivity }
}

describe('connectivity', () => {
  it('shrugs off a lone dropped connection on a line that keeps answering', () => {
    const { connectivity, changes } = setup(() => true)
    connectivity.reportNetworkFailure()
    connectivity.reportReachable()
    connectivity.reportNetworkFailure()
    expect(connectivity.isOnline()).toBe(true)
    expect(changes).toEqual([])
  })

  it('goes offline after two failures in a row, probes at once and then with growing gaps up to the cap', async () => {
    let up = false
    const { connectivity, clock, probes, changes } = setup(() => up)
    const start = clock.now()
    connectivity.reportNetworkFailure()
    connectivity.reportNetworkFailure()
    expect(connectivity.isOnline()).toBe(false)
    await clock.advance(30_000)
    const gaps = probes.map((t, i) => t - (i === 0 ? start : probes[i - 1]!))
    expect(gaps.slice(0, 6)).toEqual([0, 500, 1_000, 2_000, 4_000, 4_000])
    up = true
    await clock.advance(8_000)
    expect(connectivity.isOnline()).toBe(true)
    expect(changes).toEqual([false, true])
  })

  it('follows the online signal at once in both directions', async () => {
    let notify: (online: boolean) => void = () => undefined
    const { connectivity, changes, clock, probes } = setup(() => false, { isOnline: () => true, onChange: (cb) => ((notify = cb), () => undefined) })
    notify(false)
    expect(connectivity.isOnline()).toBe(false)
    await clock.advance(5_000)
    expect(probes.length).toBeGreaterThan(0)
    notify(true)
    expect(connectivity.isOnline()).toBe(true)
    const probesWhenOnline = probes.length
    await clock.advance(60_000)
    expect(probes).toHaveLength(probesWhenOnline)
    expect(changes).toEqual([false, true])
  })
})
