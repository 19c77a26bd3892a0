import { describe, expect, it } from 'vitest'
import type { StepSnapshot } from '../../../shared/domain/steps'
import { pendingSteps } from '../test-support/fake-kyc'
import { chipGroups, chipKeys, chipsOf, groupStarts } from './step-chips'

function withSteps(over: Partial<Record<StepSnapshot['name'], Partial<StepSnapshot>>>): StepSnapshot[] {
  const steps = pendingSteps()
  for (const name of ['liveness:token', 'liveness:result'] as const) {
    if (over[name]) steps.push({ name, state: 'pending', attempts: 0, nextAttemptAt: null, updatedAt: 1, lastError: null })
  }
  return steps.map((s) => ({ ...s, ...over[s.name] }))
}

describe('chipsOf', () => {
  it('shows ten chips, a backed-off pending step as waiting to retry, liveness not requested', () => {
    const chips = chipsOf(withSteps({ sts: { state: 'done', attempts: 1 }, 'upload:front': { nextAttemptAt: 99, attempts: 2 } }))
    expect(chips.map((c) => c.key)).toEqual(['sts', 'front', 'back', 'hand', 'authnew1', 'authnew2', 'authnew3', 'authnew4', 'reconcile', 'liveness'])
    expect(chips.map((c) => c.state)).toEqual(['done', 'waiting-retry', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'pending', 'not-requested'])
    expect(chips[1]).toMatchObject({ attempts: 2, nextAttemptAt: 99 })
  })

  it('shows liveness as one chip: the token while it is at work, then the wait for the customer, then the result', () => {
    const liveness = (over: Parameters<typeof withSteps>[0]) => chipsOf(withSteps(over)).at(-1)?.state
    expect(liveness({ 'liveness:token': { state: 'running' }, 'liveness:result': {} })).toBe('running')
    expect(liveness({ 'liveness:token': { state: 'failed' }, 'liveness:result': {} })).toBe('failed')
    expect(liveness({ 'liveness:token': { state: 'done' }, 'liveness:result': { nextAttemptAt: 5 } })).toBe('awaiting-customer')
    expect(liveness({ 'liveness:token': { state: 'done' }, 'liveness:result': {} })).toBe('awaiting-customer')
    expect(liveness({ 'liveness:token': { state: 'done' }, 'liveness:result': { state: 'done' } })).toBe('done')
  })
})

describe('chipGroups', () => {
  it('covers every chip once, in the order the row shows them, and spaces out each later group', () => {
    expect(chipGroups.flatMap((g) => g.chips)).toEqual([...chipKeys])
    expect([...groupStarts]).toEqual(['authnew1', 'reconcile'])
    expect(chipsOf(pendingSteps()).map((c) => c.key)).toEqual([...chipKeys])
  })
})
