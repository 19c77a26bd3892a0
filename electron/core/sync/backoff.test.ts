import { describe, expect, it } from 'vitest'
import { backoffCeiling, fullJitterDelay } from './backoff'

const policy = { baseMs: 100, capMs: 1_000 }

describe('backoff with full jitter', () => {
  it('doubles the window per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffCeiling(a, policy))).toEqual([100, 200, 400, 800, 1_000, 1_000])
    expect(backoffCeiling(10_000, policy)).toBe(1_000)
    expect(backoffCeiling(0, policy)).toBe(100)
  })

  it('draws the delay from the whole window, from zero up to (not including) the ceiling', () => {
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0)
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(200)
    expect(fullJitterDelay(3, policy, () => 0.999_999)).toBe(399)
  })

  it('spreads real random delays over the window rather than clustering near it', () => {
    const delays = Array.from({ length: 2_000 }, () => fullJitterDelay(4, policy))
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...delays)).toBeLessThan(800)
    const low = delays.filter((d) => d < 400).length
    // Uniform: about half fall in the lower half (equal jitter would put none there).
    expect(low).toBeGreaterThan(800)
    expect(low).toBeLessThan(1_200)
  })
})
