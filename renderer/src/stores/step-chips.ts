import { awaitsCustomerFace, shownStepState, type ShownStepState, type StepError, type StepName, type StepSnapshot } from '../../../shared/domain/steps'

/** What a chip on the dashboard shows: the step's state as the operator thinks of it. */
export type ChipState = ShownStepState | 'not-requested' | 'awaiting-customer'

export const chipKeys = ['sts', 'front', 'back', 'hand', 'authnew1', 'authnew2', 'authnew3', 'authnew4', 'reconcile', 'liveness'] as const
export type ChipKey = (typeof chipKeys)[number]

/**
 * The chips in three groups the operator can name: getting the files to the platform's storage,
 * sending the four submissions, and the checks after. The header words each group; its legend
 * names every step in it.
 */
export const chipGroups = [
  { key: 'upload', chips: ['sts', 'front', 'back', 'hand'] },
  { key: 'submit', chips: ['authnew1', 'authnew2', 'authnew3', 'authnew4'] },
  { key: 'check', chips: ['reconcile', 'liveness'] },
] as const satisfies readonly { key: string; chips: readonly ChipKey[] }[]
export type ChipGroupKey = (typeof chipGroups)[number]['key']

/** The chips that open a group (after the first), spaced apart from the one before. */
export const groupStarts: ReadonlySet<ChipKey> = new Set(chipGroups.slice(1).map((g) => g.chips[0]))

export interface Chip {
  readonly key: ChipKey
  readonly state: ChipState
  readonly attempts: number
  readonly updatedAt: number | null
  readonly nextAttemptAt: number | null
  readonly error: StepError | null
}

const stepOf: Record<Exclude<ChipKey, 'liveness'>, StepName> = {
  sts: 'sts',
  front: 'upload:front',
  back: 'upload:back',
  hand: 'upload:hand',
  authnew1: 'authnew:1',
  authnew2: 'authnew:2',
  authnew3: 'authnew:3',
  authnew4: 'authnew:4',
  reconcile: 'reconcile',
}

/** Which chip shows a step (both liveness steps show on the one liveness chip). */
export const stepChipKey: Record<StepName, ChipKey> = {
  ...(Object.fromEntries(Object.entries(stepOf).map(([key, step]) => [step, key])) as Record<Exclude<StepName, `liveness:${string}`>, ChipKey>),
  'liveness:token': 'liveness',
  'liveness:result': 'liveness',
}

function chipOf(key: ChipKey, step: StepSnapshot | undefined): Chip {
  if (!step) return { key, state: key === 'liveness' ? 'not-requested' : 'pending', attempts: 0, updatedAt: null, nextAttemptAt: null, error: null }
  return { key, state: shownStepState(step), attempts: step.attempts, updatedAt: step.updatedAt, nextAttemptAt: step.nextAttemptAt, error: step.lastError }
}

/**
 * The ten chips of a dashboard row. The two liveness steps show as one: the token request while
 * it is the step at work, the result once the token is out.
 */
export function chipsOf(steps: readonly StepSnapshot[]): Chip[] {
  const byName = new Map(steps.map((s) => [s.name, s]))
  const chips = (Object.keys(stepOf) as Exclude<ChipKey, 'liveness'>[]).map((key) => chipOf(key, byName.get(stepOf[key])))
  const token = byName.get('liveness:token')
  const result = byName.get('liveness:result')
  const liveness = token && token.state !== 'done' ? token : (result ?? token)
  // The poll's "not verified yet" is no error to show while the customer is at it.
  const chip = chipOf('liveness', liveness)
  return [...chips, awaitsCustomerFace(steps) ? { ...chip, state: 'awaiting-customer', error: null } : chip]
}
