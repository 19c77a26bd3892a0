import { describe, expect, it } from 'vitest'
import type { StepSnapshot, StepState } from '../../../shared/domain/steps'
import { applyTransition, type StepTransition } from './transitions'

const step = (state: StepState, extra: Partial<StepSnapshot> = {}): StepSnapshot => ({
  name: 'authnew:1',
  state,
  attempts: 1,
  nextAttemptAt: null,
  updatedAt: 0,
  lastError: null,
  ...extra,
})

const started: StepTransition = { kind: 'started' }
const done: StepTransition = { kind: 'done' }
const transient: StepTransition = { kind: 'failed-transient', error: { code: '503', message: 'busy' }, nextAttemptAt: 500 }
const refused: StepTransition = { kind: 'failed-needs-attention', error: { kind: 'refused', code: '-1', message: '拒绝' } }

describe('applyTransition', () => {
  it.each([
    ['pending', started, { state: 'running', attempts: 2, nextAttemptAt: null }],
    ['running', done, { state: 'done', lastError: null }],
    ['running', transient, { state: 'pending', nextAttemptAt: 500, lastError: { kind: 'transient', code: '503', message: 'busy' } }],
    ['running', refused, { state: 'failed', nextAttemptAt: null, lastError: { kind: 'refused', code: '-1', message: '拒绝' } }],
  ] as const)('%s + %o', (from, transition, expected) => {
    const outcome = applyTransition(step(from), transition, 99)
    expect(outcome).toMatchObject({ ok: true, step: { ...expected, updatedAt: 99 } })
  })

  it.each([
    ['pending', done],
    ['pending', transient],
    ['pending', refused],
    ['running', started],
    ['done', started],
    ['done', done],
    ['failed', started],
    ['failed', done],
  ] as const)('refuses %s + %o', (from, transition) => {
    expect(applyTransition(step(from), transition, 99)).toEqual({ ok: false, from })
  })

  it('a retry keeps the last error visible while waiting and clears it when done', () => {
    const waiting = applyTransition(step('running'), transient, 1)
    if (!waiting.ok) throw new Error('refused')
    const again = applyTransition(waiting.step, started, 2)
    expect(again).toMatchObject({ ok: true, step: { lastError: { code: '503' }, nextAttemptAt: null } })
    if (!again.ok) throw new Error('refused')
    expect(applyTransition(again.step, done, 3)).toMatchObject({ ok: true, step: { lastError: null } })
  })
})
