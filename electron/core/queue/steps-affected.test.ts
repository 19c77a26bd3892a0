import { describe, expect, it } from 'vitest'
import type { ImageSlot } from '../../../shared/domain/images'
import { submissionSteps, type StepName } from '../../../shared/domain/steps'
import { stepsAffectedByEdit, type EditedField } from './steps-affected'

const cases: [string, EditedField[], ImageSlot[], StepName[]][] = [
  ['nothing', [], [], []],
  ['a new front image', [], ['front'], ['upload:front', 'authnew:2', 'reconcile']],
  ['a new back image', [], ['back'], ['upload:back', 'authnew:3', 'reconcile']],
  ['a new hand image', [], ['hand'], ['upload:hand', 'authnew:4', 'reconcile']],
  ['two images', [], ['hand', 'front'], ['upload:front', 'upload:hand', 'authnew:2', 'authnew:4', 'reconcile']],
  // A step-1 change may make the platform drop steps 2-4: they are re-sent (no upload again).
  ['the surname', ['surname'], [], ['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile']],
  ['the document number and expiry', ['documentNumber', 'validity'], [], ['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile']],
  ['mainland flag (isChina is sent by steps 2-4 too)', ['chineseMainland'], [], ['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile']],
  ['identity and the back image', ['birthday'], ['back'], ['upload:back', 'authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile']],
  ['another account (uid)', ['uid'], [], [...submissionSteps]],
  ['uid with an image', ['uid', 'token'], ['front'], [...submissionSteps]],
  ['fresh token, same account', ['token'], [], []],
]

describe('stepsAffectedByEdit', () => {
  it.each(cases)('%s', (_name, fields, slots, expected) => {
    expect(stepsAffectedByEdit(fields, slots)).toEqual(expected)
  })

  it('never lists a liveness step (the step service resets those with any submission step)', () => {
    expect(stepsAffectedByEdit(['uid', 'surname', 'chineseMainland'], ['front', 'back', 'hand']).some((s) => s.startsWith('liveness:'))).toBe(false)
  })
})
