/**
 * The keystroke-level model (Card, Moran and Newell) for an operator's walk-in: what the operator
 * did, as recorded by the page, turned into seconds of operator time. The system's own response
 * times are measured elsewhere and are not part of the estimate.
 */
export const klmSeconds = { K: 0.28, P: 1.1, H: 0.4, M: 1.35 } as const
export type KlmOperator = keyof typeof klmSeconds

/** One thing the operator did: a key press (a chord is one press of its main key) or a mouse click. */
export type OperatorInput =
  | { readonly kind: 'key'; readonly key: string; readonly modifiers: number; readonly typing: boolean }
  | { readonly kind: 'click' }

export interface KlmEstimate {
  readonly operators: readonly KlmOperator[]
  readonly seconds: number
  /** Non-typing key presses, a chord counted once: the figure the issue bounds. */
  readonly keyPresses: number
}

/**
 * The operators for a sequence of inputs: K for each key and for each modifier held with it, P and
 * K for a click, H whenever the hand moves between keyboard and mouse, and M before each command
 * (a run of typed characters is one command).
 */
export function klmOperators(inputs: readonly OperatorInput[]): KlmOperator[] {
  const operators: KlmOperator[] = []
  let hand: 'keyboard' | 'mouse' = 'keyboard'
  let typingRun = false
  for (const input of inputs) {
    const device = input.kind === 'click' ? 'mouse' : 'keyboard'
    if (device !== hand) operators.push('H')
    hand = device
    const continuesTyping = input.kind === 'key' && input.typing && typingRun
    if (!continuesTyping) operators.push('M')
    typingRun = input.kind === 'key' && input.typing
    if (input.kind === 'click') operators.push('P', 'K')
    else operators.push(...Array<KlmOperator>(1 + input.modifiers).fill('K'))
  }
  return operators
}

export function klmEstimate(inputs: readonly OperatorInput[]): KlmEstimate {
  const operators = klmOperators(inputs)
  const seconds = Math.round(operators.reduce((sum, op) => sum + klmSeconds[op], 0) * 100) / 100
  const keyPresses = inputs.filter((input) => input.kind === 'key' && !input.typing).length
  return { operators, seconds, keyPresses }
}
