export type MrzFormat = 'TD1' | 'TD3'

export interface CleanedMrz {
  format: MrzFormat
  lines: string[]
  /** Every line has exactly the length its format requires. Check digits are not judged here. */
  complete: boolean
}

/** Per line, a pattern of what each position may hold: `9` digits only, `A` letters (and `<`) only, `x` anything. */
const layouts: Record<MrzFormat, { length: number; classes: string[] }> = {
  TD3: {
    length: 44,
    classes: ['AAAAA' + 'A'.repeat(39), 'xxxxxxxxx9AAA9999999x9999999xxxxxxxxxxxxxx99'],
  },
  TD1: {
    length: 30,
    classes: ['AAAAAxxxxxxxxx9xxxxxxxxxxxxxxx', '9999999x9999999AAAxxxxxxxxxxx9', 'A'.repeat(30)],
  },
}

// Shapes the legacy engine confuses in OCR-B-like fonts. Applied only where ICAO 9303 allows
// just one class (dates and check digits are digits; states and names are letters), so a
// substitution can never turn a valid reading into a different valid one; the check digits then
// decide whether the line is trusted.
const toDigit: Record<string, string> = { O: '0', Q: '0', D: '0', U: '0', I: '1', L: '1', Z: '2', S: '5', G: '6', B: '8' }
const toLetter: Record<string, string> = { '0': 'O', '1': 'I', '2': 'Z', '5': 'S', '6': 'G', '8': 'B' }

/**
 * Turns OCR output into MRZ lines: upper case, only `A-Z0-9<`, spaces dropped (the engine sometimes
 * splits long filler runs), and the last two lines of about 44 or last three of about 30
 * characters kept. A line that is short or long only in its trailing filler run is padded or
 * trimmed, since fillers carry no data; look-alike characters are swapped only in positions that
 * admit a single class. Anything else is left as read, for the check digits to judge.
 */
export function cleanMrzText(text: string): CleanedMrz | null {
  const candidates = text
    .split(/\r?\n/)
    .map((l) => l.toUpperCase().replace(/[^A-Z0-9<]/g, ''))
    .filter((l) => l.length >= 20)
  let best: { format: MrzFormat; lines: string[]; error: number } | null = null
  for (const format of ['TD3', 'TD1'] as const) {
    const { length, classes } = layouts[format]
    if (candidates.length < classes.length) continue
    const lines = candidates.slice(-classes.length)
    const error = lines.reduce((sum, l) => sum + Math.abs(l.length - length), 0)
    if (lines.every((l) => Math.abs(l.length - length) <= 4) && (!best || error < best.error)) best = { format, lines, error }
  }
  if (!best) return null
  const { length, classes } = layouts[best.format]
  const lines = best.lines.map((l, i) => {
    const fitted = fitFillers(l, length)
    return fitted.length === length ? correctLookAlikes(fitted, classes[i]!) : fitted
  })
  return { format: best.format, lines, complete: lines.every((l) => l.length === length) }
}

function fitFillers(line: string, length: number): string {
  if (line.length < length && line.endsWith('<')) return line.padEnd(length, '<')
  if (line.length > length && /^<+$/.test(line.slice(length))) return line.slice(0, length)
  return line
}

function correctLookAlikes(line: string, classes: string): string {
  return [...line]
    .map((c, i) => {
      if (classes[i] === '9') return toDigit[c] ?? c
      if (classes[i] === 'A') return toLetter[c] ?? c
      return c
    })
    .join('')
}
