import { describe, expect, it } from 'vitest'
import { asksForHelp, chordsOf, keyLabels, slotForKey } from './shortcut-list'

const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
})

describe('shortcuts', () => {
  it('maps Alt+1, Alt+2, Alt+3 (top row or keypad) to the three image slots, nothing else', () => {
    expect(slotForKey(key('Digit1', { altKey: true }))).toBe('front')
    expect(slotForKey(key('Digit2', { altKey: true }))).toBe('back')
    expect(slotForKey(key('Numpad3', { altKey: true }))).toBe('hand')
    expect(slotForKey(key('Digit4', { altKey: true }))).toBeNull()
    expect(slotForKey(key('Digit1'))).toBeNull()
    expect(slotForKey(key('Digit1', { altKey: true, ctrlKey: true }))).toBeNull()
  })

  it('opens help on F1 anywhere and on ? only outside a text field', () => {
    const input = document.createElement('input')
    const checkbox = document.createElement('input')
    checkbox.type = 'checkbox'
    const plain = { ctrlKey: false, altKey: false, metaKey: false }
    expect(asksForHelp({ key: 'F1', ...plain }, input)).toBe(true)
    expect(asksForHelp({ key: '?', ...plain }, input)).toBe(false)
    expect(asksForHelp({ key: '?', ...plain }, document.createElement('textarea'))).toBe(false)
    expect(asksForHelp({ key: '?', ...plain }, checkbox)).toBe(true)
    expect(asksForHelp({ key: '?', ...plain }, document.body)).toBe(true)
    expect(asksForHelp({ key: '?', ...plain, ctrlKey: true }, document.body)).toBe(false)
  })

  it('prints chords as keycaps', () => {
    expect(chordsOf('queue').flatMap(keyLabels)).toEqual(['Ctrl', 'Enter'])
    expect(chordsOf('help').map(keyLabels)).toEqual([['F1'], ['?']])
  })
})
