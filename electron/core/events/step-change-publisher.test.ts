import { describe, expect, it } from 'vitest'
import type { StepChange } from '../../../shared/contract'
import { StepChangePublisher } from './step-change-publisher'

function change(over: Partial<StepChange>): StepChange {
  return {
    applicantId: 'a0000001',
    step: 'sts',
    state: 'running',
    attempts: 1,
    nextAttemptAt: null,
    updatedAt: 1,
    error: null,
    status: 'syncing',
    ...over,
  }
}

function harness() {
  const sent: StepChange[][] = []
  const timers: Array<() => void> = []
  const publisher = new StepChangePublisher({
    publish: (c) => sent.push(c),
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => undefined,
  })
  return { sent, timers, publisher }
}

describe('StepChangePublisher', () => {
  it('holds running changes until the window ends, keeping the newest per step', () => {
    const { sent, timers, publisher } = harness()
    publisher.push(change({ attempts: 1 }))
    publisher.push(change({ attempts: 2 }))
    publisher.push(change({ applicantId: 'a0000002' }))
    expect(sent).toHaveLength(0)
    expect(timers).toHaveLength(1)
    timers[0]?.()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.map((c) => [c.applicantId, c.attempts])).toEqual([
      ['a0000001', 2],
      ['a0000002', 1],
    ])
  })

  it('sends at once when a step finishes or fails, together with what was waiting', () => {
    const { sent, publisher } = harness()
    publisher.push(change({ step: 'upload:front' }))
    publisher.push(change({ step: 'sts', state: 'done' }))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toHaveLength(2)
    publisher.push(change({ step: 'authnew:1', state: 'failed' }))
    expect(sent).toHaveLength(2)
  })

  it('sends nothing when nothing changed', () => {
    const { sent, publisher } = harness()
    publisher.flush()
    expect(sent).toHaveLength(0)
  })
})
