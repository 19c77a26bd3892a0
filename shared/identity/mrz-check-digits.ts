import type { MrzCheckDigitName } from './issues'

/**
 * Every check digit of TD1 and TD3 (ICAO 9303 parts 4 and 5), computed here from the positions the
 * standard gives, so each failure can say which digit is wrong and what it should be.
 */

export type MrzLayout = 'TD1' | 'TD3'

interface Span {
  line: number
  start: number
  end: number
}
interface CheckDigitSpec {
  name: MrzCheckDigitName
  digit: Span
  sources: readonly Span[]
}

export interface CheckDigitFailure {
  name: MrzCheckDigitName
  expected: string
  actual: string
}

const at = (line: number, start: number, end: number): Span => ({ line, start, end })

const specs: Record<MrzLayout, readonly CheckDigitSpec[]> = {
  TD1: [
    { name: 'document-number', digit: at(0, 14, 15), sources: [at(0, 5, 14)] },
    { name: 'birth-date', digit: at(1, 6, 7), sources: [at(1, 0, 6)] },
    { name: 'expiry-date', digit: at(1, 14, 15), sources: [at(1, 8, 14)] },
    { name: 'composite', digit: at(1, 29, 30), sources: [at(0, 5, 30), at(1, 0, 7), at(1, 8, 15), at(1, 18, 29)] },
  ],
  TD3: [
    { name: 'document-number', digit: at(1, 9, 10), sources: [at(1, 0, 9)] },
    { name: 'birth-date', digit: at(1, 19, 20), sources: [at(1, 13, 19)] },
    { name: 'expiry-date', digit: at(1, 27, 28), sources: [at(1, 21, 27)] },
    { name: 'personal-number', digit: at(1, 42, 43), sources: [at(1, 28, 42)] },
    { name: 'composite', digit: at(1, 43, 44), sources: [at(1, 0, 10), at(1, 13, 20), at(1, 21, 43)] },
  ],
}

function charValue(char: string): number {
  if (char === '<') return 0
  const code = char.charCodeAt(0)
  return code >= 65 ? code - 55 : code - 48
}

/** ICAO 9303 check digit: weights 7, 3, 1 repeating; digits as themselves, A-Z as 10-35, `<` as 0. */
export function mrzCheckDigit(text: string): string {
  const weights = [7, 3, 1] as const
  let sum = 0
  for (let i = 0; i < text.length; i++) sum += charValue(text.charAt(i)) * (weights[i % 3] ?? 0)
  return String(sum % 10)
}

function slice(lines: readonly string[], span: Span): string {
  return (lines[span.line] ?? '').slice(span.start, span.end)
}

/**
 * A TD1 document number longer than 9 characters puts `<` in the check digit position and
 * continues in the optional data, ending with its check digit. ICAO's example is ambiguous about
 * whether the `<` counts, and issuers differ, so either reading passes (as in the `mrz` package).
 */
function td1LongDocumentNumber(lines: readonly string[]): CheckDigitFailure | null {
  const optional = slice(lines, at(0, 15, 30))
  const tail = optional.slice(0, optional.indexOf('<') === -1 ? optional.length : optional.indexOf('<'))
  const actual = tail.slice(-1)
  const head = slice(lines, at(0, 5, 14))
  const without = mrzCheckDigit(head + tail.slice(0, -1))
  const withFiller = mrzCheckDigit(`${head}<${tail.slice(0, -1)}`)
  if (actual === without || actual === withFiller) return null
  return { name: 'document-number', expected: without, actual: actual || '<' }
}

export function checkDigitFailures(layout: MrzLayout, lines: readonly string[]): CheckDigitFailure[] {
  const failures: CheckDigitFailure[] = []
  for (const spec of specs[layout]) {
    const actual = slice(lines, spec.digit)
    const source = spec.sources.map((span) => slice(lines, span)).join('')
    if (layout === 'TD1' && spec.name === 'document-number' && actual === '<') {
      const failure = td1LongDocumentNumber(lines)
      if (failure) failures.push(failure)
      continue
    }
    // An empty optional personal number may carry `<` instead of a computed 0.
    if (spec.name === 'personal-number' && /^<*$/.test(source) && actual === '<') continue
    const expected = mrzCheckDigit(source)
    if (actual !== expected) failures.push({ name: spec.name, expected, actual })
  }
  return failures
}
