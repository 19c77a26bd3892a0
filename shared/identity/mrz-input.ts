import { issue, type Issue } from './issues'
import type { MrzLayout } from './mrz-check-digits'

export type MrzLines =
  | { ok: true; layout: MrzLayout; lines: string[] }
  | { ok: false; issue: Issue<'mrz.unrecognized-format' | 'mrz.unsupported-format' | 'mrz.invalid-characters'> }

/** Whole-MRZ lengths a reader may send as one run without line breaks: TD1, TD3, TD2. */
const unbrokenLengths: Readonly<Record<number, number>> = { 90: 30, 88: 44, 72: 36 }

/**
 * Turns what arrived into MRZ lines. A swipe reader acting as a keyboard ends lines with CR, LF or
 * both, may send no breaks at all, and types through whatever input method is active: a Chinese IME
 * in full-width mode yields `Ｐ＜ＣＨＮ`, caps lock off yields lower case. NFKC and upper-casing undo
 * both; spaces, tabs and control characters are never part of an MRZ and are dropped.
 */
export function readMrzLines(text: string): MrzLines {
  let lines = text
    .normalize('NFKC')
    .toUpperCase()
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => line.replace(/[\s\p{Cc}\p{Cf}]/gu, ''))
    .filter((line) => line.length > 0)

  const only = lines.length === 1 ? lines[0] : undefined
  const width = only === undefined ? undefined : unbrokenLengths[only.length]
  if (only !== undefined && width !== undefined) {
    lines = Array.from({ length: only.length / width }, (_, i) => only.slice(i * width, (i + 1) * width))
  }

  const invalid = [...new Set(lines.join('').replace(/[A-Z0-9<]/g, ''))]
  if (invalid.length > 0) return { ok: false, issue: issue('mrz', 'mrz.invalid-characters', { characters: invalid }) }

  const lengths = lines.map((line) => line.length)
  const all = (count: number, length: number) => lines.length === count && lengths.every((l) => l === length)
  if (all(3, 30)) return { ok: true, layout: 'TD1', lines }
  if (all(2, 44)) return { ok: true, layout: 'TD3', lines }
  if (all(2, 36)) return { ok: false, issue: issue('mrz', 'mrz.unsupported-format', { format: 'TD2' }) }
  return { ok: false, issue: issue('mrz', 'mrz.unrecognized-format', { lineLengths: lengths }) }
}
