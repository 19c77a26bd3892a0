import { describe, expect, it } from 'vitest'
import { awaitsCustomerFace, livenessNotVerifiedCode, type StepName, type StepSnapshot } from './steps'

describe('awaitsCustomerFace', () => {
  const step = (name: StepName, state: StepSnapshot['state'], code: string | null = null): StepSnapshot => ({
    name,
    state,
    attempts: 1,
    updatedAt: 1,
    nextAttemptAt: null,
    lastError: code === null ? null : { code, message: 'm', kind: 'transient' },
  })

  it('is the token out and the result not in, before and after a "not yet" poll', () => {
    expect(awaitsCustomerFace([step('liveness:token', 'done'), step('liveness:result', 'pending')])).toBe(true)
    expect(awaitsCustomerFace([step('liveness:token', 'done'), step('liveness:result', 'pending', livenessNotVerifiedCode)])).toBe(true)
    expect(awaitsCustomerFace([step('liveness:token', 'done'), step('liveness:result', 'running')])).toBe(true)
  })

  it('is not a token still being asked for, a result in, or a refused result', () => {
    expect(awaitsCustomerFace([step('liveness:token', 'pending'), step('liveness:result', 'pending')])).toBe(false)
    expect(awaitsCustomerFace([step('liveness:token', 'done'), step('liveness:result', 'done')])).toBe(false)
    expect(awaitsCustomerFace([step('liveness:token', 'done'), step('liveness:result', 'failed', '-1')])).toBe(false)
    expect(awaitsCustomerFace([step('sts', 'done')])).toBe(false)
  })
})
