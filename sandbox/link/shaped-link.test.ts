import { describe, expect, it } from 'vitest'
import { resolveOptions } from '../options'
import { ShapedLink } from './shaped-link'

describe('ShapedLink', () => {
  it('sends bytes one after another at the line rate, each arriving the latency later', () => {
    let now = 1_000
    const link = new ShapedLink({ latencyMs: 40, uploadMbps: 20 }, () => now)
    // 250,000 bytes = 2 Mbit: 100 ms on a 20 Mbit/s line.
    expect(link.arrival(250_000)).toBe(1_000 + 100 + 40)
    // Sent at once from another connection: it waits for the line.
    expect(link.arrival(250_000)).toBe(1_000 + 200 + 40)
    // After the line went idle, a small request pays the latency only (and its own bytes).
    now = 5_000
    expect(link.arrival(250)).toBeCloseTo(5_000 + 0.1 + 40, 6)
  })

  it('is an option the sandbox validates', () => {
    expect(resolveOptions({ link: { latencyMs: 40, uploadMbps: 20 } }).link).toEqual({ latencyMs: 40, uploadMbps: 20 })
    expect(() => resolveOptions({ link: { latencyMs: -1, uploadMbps: 20 } })).toThrow(/link/)
  })
})
