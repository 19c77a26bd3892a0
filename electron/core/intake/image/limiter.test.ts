import { describe, expect, it } from 'vitest'
import { createLimiter } from './limiter'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('createLimiter', () => {
  it('never runs more than max tasks at once, and runs them all', async () => {
    const run = createLimiter(2)
    let active = 0
    let peak = 0
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        run(async () => {
          active++
          peak = Math.max(peak, active)
          await tick()
          active--
          return i
        }),
      ),
    )
    expect(peak).toBe(2)
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('frees the slot when a task fails', async () => {
    const run = createLimiter(1)
    await expect(run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(run(() => Promise.resolve('next'))).resolves.toBe('next')
  })
})
