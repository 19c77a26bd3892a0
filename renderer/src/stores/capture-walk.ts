import type { CaptureIdentity, Slots } from '../../../shared/contract'
import { isBlank } from './capture-form'

/**
 * The walk-in in the order the operator meets it at the counter: account QR, name, document
 * number, dates, images, consent. Enter and the slot shortcuts move to the next step still empty,
 * so whatever the ID number, the MRZ or the QR code filled is skipped.
 */
export const walkSteps = [
  'binding',
  'surname',
  'givenName',
  'documentNumber',
  'birthday',
  'gender',
  'issueDate',
  'validity',
  'front',
  'back',
  'hand',
  'consent',
] as const
export type WalkStep = (typeof walkSteps)[number]

export interface WalkState {
  bound: boolean
  identity: CaptureIdentity
  slots: Slots
  consent: boolean
}

function isEmpty(step: WalkStep, state: WalkState): boolean {
  switch (step) {
    case 'binding':
      return !state.bound
    case 'consent':
      return !state.consent
    case 'front':
    case 'back':
    case 'hand':
      return state.slots[step] === null
    case 'issueDate':
      return !state.identity.issueDate?.trim()
    default:
      return isBlank(state.identity, step)
  }
}

/**
 * The first empty step after `from` (the step the focus is in), else the first empty one before
 * it; `queue` when nothing is left.
 */
export function nextWalkStep(state: WalkState, from: WalkStep | null): WalkStep | 'queue' {
  const start = from === null ? 0 : walkSteps.indexOf(from) + 1
  const ordered = [...walkSteps.slice(start), ...walkSteps.slice(0, start)]
  return ordered.find((step) => step !== from && isEmpty(step, state)) ?? 'queue'
}
