import type { AccountBinding, IdentityData, IsoDate } from '../../../../shared/domain/identity'
import { imageSlots, type ImageSlot } from '../../../../shared/domain/images'
import { parseTypedBinding, validateIdentity, type IdentityDraft } from '../../../../shared/identity'
import { emptyCell, isBlank, type ManifestCell } from './cells'
import type { HeaderMap, ManifestField } from './fields'
import { checkImageName } from './image-path'
import type { ImportProblem, ProblemField } from './problems'
import { bindingProblem, identityProblem, rowProblem } from './to-problem'
import { parseDate, parseDocumentType, parseExactText, parseFlag, parseGender, parseText, type Parsed } from './values'

/** A row's data after the identity and binding rules, before its images are looked at. */
export interface RowData {
  readonly identity: IdentityData | null
  readonly binding: AccountBinding | null
  /** Image file names as written, per slot; null when missing or refused. */
  readonly files: Record<ImageSlot, string | null>
  /** Fields whose value was canonicalised (full-width digits, lower-case x, ...): show them to the operator. */
  readonly normalized: ProblemField[]
  readonly problems: ImportProblem[]
}

export interface RowContext {
  readonly headers: HeaderMap
  /** Header cells in the manifest; only a CSV row is expected to have as many (an .xlsx row ends at its last value). */
  readonly width: number | null
  readonly today: IsoDate
}

function shapeProblems(cells: readonly ManifestCell[], width: number | null): ImportProblem[] {
  if (width === null) return []
  const extra = cells.slice(width)
  if (extra.some((c) => !isBlank(c))) return [rowProblem('row', { code: 'cells.extra', count: cells.length, expected: width })]
  if (cells.length < width) return [rowProblem('row', { code: 'cells.missing', count: cells.length, expected: width })]
  return []
}

const identityColumns = new Set<ProblemField>([
  'country',
  'surname',
  'givenName',
  'documentType',
  'documentNumber',
  'birthday',
  'gender',
  'isChina',
  'issueDate',
  'expiryDate',
  'longTerm',
])

/** Identity fields a normalisation suggestion may replace: each means the same thing, canonically written. */
function applyNormalizations(draft: IdentityDraft, suggestions: ReturnType<typeof validateIdentity>['suggestions']): { draft: IdentityDraft; fields: ProblemField[] } {
  const next = { ...draft }
  const fields: ProblemField[] = []
  for (const s of suggestions) {
    if (s.source !== 'normalization') continue
    if (s.field === 'country' || s.field === 'surname' || s.field === 'givenName' || s.field === 'documentNumber') {
      next[s.field] = s.value
      fields.push(s.field)
    }
  }
  return { draft: next, fields }
}

/**
 * Reads one row: each cell parsed by its column's rules, then the identity rules and the binding
 * rules on the result. A cell that could not be read at all is reported once, by the import,
 * and the identity rules' `required` for the same field is dropped as noise.
 */
export function readRowData(cells: readonly ManifestCell[], context: RowContext): RowData {
  const problems = shapeProblems(cells, context.width)
  const unreadable = new Set<ProblemField>()
  const cell = (field: ManifestField): ManifestCell => cells[context.headers.columns[field]] ?? emptyCell
  const read = <T>(field: ManifestField, parse: (c: ManifestCell) => Parsed<T>): T | null => {
    const parsed = parse(cell(field))
    if (parsed.ok) return parsed.value
    problems.push(rowProblem(field, parsed.problem))
    unreadable.add(field)
    return null
  }

  const longTerm = read('longTerm', parseFlag)
  const expiryDate = read('expiryDate', parseDate)
  if (longTerm === true && expiryDate !== null) {
    problems.push(rowProblem('expiryDate', { code: 'validity.conflict' }))
    unreadable.add('expiryDate')
  }
  let draft: IdentityDraft = {
    country: read('country', parseText),
    surname: read('surname', parseText),
    givenName: read('givenName', parseText),
    documentType: read('documentType', parseDocumentType),
    documentNumber: read('documentNumber', parseExactText),
    birthday: read('birthday', parseDate),
    gender: read('gender', parseGender),
    chineseMainland: read('isChina', parseFlag),
    issueDate: read('issueDate', parseDate),
    // A blank longTerm cell means "not long-term": most documents have an expiry date.
    validity: longTerm === true ? { kind: 'long-term' } : { kind: 'until', expiryDate },
  }
  const today = { today: context.today }
  let checked = validateIdentity(draft, today)
  const normalized = applyNormalizations(draft, checked.suggestions)
  if (normalized.fields.length > 0) {
    draft = normalized.draft
    checked = validateIdentity(draft, today)
  }
  problems.push(...checked.issues.map(identityProblem).filter((p) => !unreadable.has(p.field)))

  const uid = read('uid', parseExactText)
  const token = read('token', parseText)
  const binding = parseTypedBinding(uid, token)
  if (!binding.ok) problems.push(...binding.issues.map(bindingProblem).filter((p) => !unreadable.has(p.field)))

  const files = Object.fromEntries(
    imageSlots.map((slot) => {
      const name = read(slot, parseText)
      if (name === null) {
        if (!unreadable.has(slot)) problems.push(rowProblem(slot, { code: 'file.required' }))
        return [slot, null]
      }
      const refused = checkImageName(name)
      if (refused) problems.push(rowProblem(slot, refused))
      return [slot, refused ? null : name]
    }),
  ) as Record<ImageSlot, string | null>

  return {
    // An unreadable cell was passed on as blank; the identity is only real if none was.
    identity: checked.status === 'complete' && ![...unreadable].some((f) => identityColumns.has(f)) ? checked.identity : null,
    binding: binding.ok ? binding.binding : null,
    files,
    normalized: normalized.fields,
    problems,
  }
}
