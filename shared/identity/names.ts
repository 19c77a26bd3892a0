import { issue, type Issue } from './issues'
import { fieldLimits } from './limits'

export type NameField = 'surname' | 'givenName'

const separators = new Set([' ', '-', '·', "'"])
const han = /\p{Script=Han}/u
const latinLetter = /^(?=\p{L})\p{Script=Latin}$/u

/** Look-alikes an IME or a copied document produces for the middle dot of names like 阿依古丽·买买提. */
const middleDotLookalikes = /[•・‧⋅∙]/g
const apostropheLookalikes = /[’‘`´]/g

/**
 * The canonical form of a typed name: NFKC (full-width Latin from a Chinese IME becomes ASCII,
 * U+3000 becomes a space), look-alike dots and apostrophes unified, runs of spaces collapsed, trimmed.
 */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKC')
    .replace(middleDotLookalikes, '·')
    .replace(apostropheLookalikes, "'")
    .replace(/\s+/g, ' ')
    .trim()
}

function isAllowed(char: string): boolean {
  return separators.has(char) || han.test(char) || latinLetter.test(char)
}

/** A separator joins two parts: it never starts or ends the name, nor follows another separator. */
function separatorsMisplaced(chars: readonly string[]): boolean {
  return chars.some((char, i) => {
    if (!separators.has(char)) return false
    const previous = chars[i - 1]
    return i === 0 || i === chars.length - 1 || (previous !== undefined && separators.has(previous))
  })
}

/**
 * Checks a non-empty name exactly as typed. A value that only needs normalizing is reported with
 * the fix, so the stored name is canonical and the operator sees what changes.
 */
export function checkName(field: NameField, value: string): Issue[] {
  const issues: Issue[] = []
  const normalized = normalizeName(value)
  const chars = [...normalized]
  const invalid = [...new Set(chars.filter((char) => !isAllowed(char)))]

  if (invalid.length > 0) issues.push(issue(field, 'name.invalid-characters', { characters: invalid }))
  else if (separatorsMisplaced(chars)) issues.push(issue(field, 'name.separator-position', {}))
  else if (normalized !== value) issues.push(issue(field, 'not-normalized', { suggested: normalized }))

  if (normalized.length > fieldLimits[field]) {
    issues.push(issue(field, 'too-long', { max: fieldLimits[field], length: normalized.length }))
  }
  if (chars.some((char) => han.test(char)) && chars.some((char) => latinLetter.test(char))) {
    issues.push(issue(field, 'name.mixed-scripts', {}))
  }
  return issues
}
