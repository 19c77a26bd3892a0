import { describe, expect, it } from 'vitest'
import type { Slots, SlotState } from '../../../shared/contract'
import { emptyIdentity } from './capture-form'
import { nextWalkStep, type WalkState } from './capture-walk'

const image = (slot: 'front' | 'back' | 'hand'): SlotState => ({
  slot,
  sha256: 'a'.repeat(64),
  width: 1600,
  height: 1000,
  bytes: 1,
  previewDataUrl: 'data:image/jpeg;base64,AAAA',
  issues: [],
  overrideReason: null,
})
const noSlots: Slots = { front: null, back: null, hand: null }
const state = (over: Partial<WalkState> = {}): WalkState => ({ bound: false, identity: emptyIdentity(), slots: noSlots, consent: false, ...over })

describe('the walk-in order for Enter and the slot shortcuts', () => {
  it('starts with the account QR code and goes name, number, dates, images, consent', () => {
    expect(nextWalkStep(state(), null)).toBe('binding')
    expect(nextWalkStep(state({ bound: true }), 'binding')).toBe('surname')
    expect(nextWalkStep(state({ bound: true }), 'surname')).toBe('givenName')
    expect(nextWalkStep(state({ bound: true }), 'givenName')).toBe('documentNumber')
  })

  it('skips what the ID number filled: birthday, gender and the legal validity', () => {
    const identity = { ...emptyIdentity(), surname: '王', givenName: '小红', documentNumber: '11010519491231002X', birthday: '1949-12-31', gender: 'female' as const }
    expect(nextWalkStep(state({ bound: true, identity }), 'documentNumber')).toBe('issueDate')
    const dated = { ...identity, issueDate: '2015-03-01', validity: { kind: 'long-term' as const } }
    expect(nextWalkStep(state({ bound: true, identity: dated }), 'issueDate')).toBe('front')
    expect(nextWalkStep(state({ bound: true, identity: dated, slots: { ...noSlots, front: image('front') } }), 'front')).toBe('back')
    const imaged = { front: image('front'), back: image('back'), hand: image('hand') }
    expect(nextWalkStep(state({ bound: true, identity: dated, slots: imaged }), 'hand')).toBe('consent')
    expect(nextWalkStep(state({ bound: true, identity: dated, slots: imaged, consent: true }), 'consent')).toBe('queue')
  })

  it('wraps round to an empty step the operator passed, never staying on the step it left', () => {
    const identity = { ...emptyIdentity(), givenName: '小红' }
    expect(nextWalkStep(state({ identity }), 'consent')).toBe('binding')
    expect(nextWalkStep(state({ bound: true, identity, consent: true }), 'hand')).toBe('surname')
    expect(nextWalkStep(state({ bound: true, identity: { ...identity, surname: '' } }), 'surname')).toBe('documentNumber')
  })

  it('asks for an expiry date while the validity is "until" with none typed', () => {
    const identity = { ...emptyIdentity(), issueDate: '2020-01-01' }
    expect(nextWalkStep(state({ bound: true, identity }), 'issueDate')).toBe('validity')
    expect(nextWalkStep(state({ bound: true, identity: { ...identity, validity: { kind: 'until', expiryDate: '2030-01-01' } } }), 'issueDate')).toBe('front')
  })
})
