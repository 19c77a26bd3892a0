import { describe, expect, it } from 'vitest'
import { klmEstimate, klmOperators, type OperatorInput } from './klm'

const key = (name: string, modifiers = 0, typing = false): OperatorInput => ({ kind: 'key', key: name, modifiers, typing })

describe('keystroke-level estimate', () => {
  it('puts a mental step before each command and counts a chord as one press with a K per key held', () => {
    expect(klmOperators([key('F4'), key('Enter', 1)])).toEqual(['M', 'K', 'M', 'K', 'K'])
    expect(klmEstimate([key('F4'), key('Enter', 1)])).toMatchObject({ seconds: 3.54, keyPresses: 2 })
  })

  it('homes the hand on each move between keyboard and mouse and points before a click', () => {
    expect(klmOperators([key('F4'), { kind: 'click' }, key('Enter', 1)])).toEqual(['M', 'K', 'H', 'M', 'P', 'K', 'H', 'M', 'K', 'K'])
  })

  it('takes a run of typed characters as one command and leaves typing out of the key presses', () => {
    const typed = [...'张三'].map((c) => key(c, 0, true))
    const estimate = klmEstimate([...typed, key('Tab'), ...typed])
    expect(estimate.operators).toEqual(['M', 'K', 'K', 'M', 'K', 'M', 'K', 'K'])
    expect(estimate.keyPresses).toBe(1)
  })

  it('bounds the chip walk-in of issue 20: F4, a click on consent, Ctrl+Enter', () => {
    const estimate = klmEstimate([key('F4'), { kind: 'click' }, key('Enter', 1)])
    expect(estimate.seconds).toBe(7.07)
    expect(estimate.seconds).toBeLessThanOrEqual(15)
  })
})
