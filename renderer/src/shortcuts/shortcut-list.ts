import type { ImageSlot } from '../../../shared/domain/images'

/**
 * Every keyboard shortcut the app answers, in one list: the capture screen's legend, Help and the
 * buttons' `aria-keyshortcuts` all read it, so what is shown is what works.
 */
export type ShortcutAction = 'next' | 'front' | 'back' | 'hand' | 'queue' | 'queueSync' | 'help'

export interface Shortcut {
  action: ShortcutAction
  /** Alternatives, each a chord in `aria-keyshortcuts` spelling ("Control+Enter"). */
  chords: readonly string[]
  scope: 'capture' | 'anywhere'
}

export const slotDigit: Record<ImageSlot, '1' | '2' | '3'> = { front: '1', back: '2', hand: '3' }

export const shortcuts: readonly Shortcut[] = [
  { action: 'next', chords: ['Enter'], scope: 'capture' },
  { action: 'front', chords: [`Alt+${slotDigit.front}`], scope: 'capture' },
  { action: 'back', chords: [`Alt+${slotDigit.back}`], scope: 'capture' },
  { action: 'hand', chords: [`Alt+${slotDigit.hand}`], scope: 'capture' },
  { action: 'queue', chords: ['Control+Enter'], scope: 'capture' },
  { action: 'queueSync', chords: ['Control+Shift+Enter'], scope: 'capture' },
  { action: 'help', chords: ['F1', '?'], scope: 'anywhere' },
]

export function chordsOf(action: ShortcutAction): readonly string[] {
  return shortcuts.find((s) => s.action === action)?.chords ?? []
}

/** A chord as printed on a keycap: "Control" is "Ctrl" on every keyboard a branch has. */
export function keyLabels(chord: string): string[] {
  return chord === '?' ? ['?'] : chord.split('+').map((key) => (key === 'Control' ? 'Ctrl' : key))
}

/** The image slot an Alt+digit press asks for (by the key's position, so layouts do not matter). */
export function slotForKey(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>): ImageSlot | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null
  const digit = /^(?:Digit|Numpad)([123])$/.exec(event.code)?.[1]
  const found = (Object.entries(slotDigit) as [ImageSlot, string][]).find(([, d]) => d === digit)
  return found ? found[0] : null
}

/**
 * Help opens on F1 anywhere, and on `?` unless the focus is where `?` is typed: a field, an
 * editable area, or a select that filters as one types.
 */
export function asksForHelp(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>, target: EventTarget | null): boolean {
  if (event.ctrlKey || event.altKey || event.metaKey) return false
  if (event.key === 'F1') return true
  return event.key === '?' && !isTypingTarget(target)
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type)
}
