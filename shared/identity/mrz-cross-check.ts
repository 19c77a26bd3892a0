import type { DocumentType, IsoDate, Validity } from '../domain/identity'
import { normalizeDocumentNumber } from './document-number'
import type { ReadDraft } from './draft-read'
import { issue, type DisplayValue, type Issue, type IssueField } from './issues'
import type { MrzData } from './mrz'
import type { Suggestion } from './suggestions'

/** The draft's values that an MRZ can confirm, already checked to be well formed (null otherwise). */
export interface MrzComparable {
  draft: ReadDraft
  birthday: IsoDate | null
  validity: Validity | null
}

const textValue = (text: string): DisplayValue => ({ kind: 'text', text })

/** Letters only, upper case, accents dropped: the MRZ writes MÜLLER-LÜDENSCHEIDT as MULLER<LUDENSCHEIDT. */
function mrzLetters(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/[^A-Z]/g, '')
}

/**
 * Latin names are compared letter by letter; an MRZ truncates long names, so a prefix agrees.
 * Names in Chinese characters cannot be compared with a romanised MRZ and are left alone.
 */
function nameIssue(field: 'surname' | 'givenName', entered: string | null, fromMrz: string): Issue[] {
  if (entered === null || /\p{Script=Han}/u.test(entered)) return []
  const mrz = mrzLetters(fromMrz)
  const typed = mrzLetters(entered)
  if (typed === mrz || (mrz.length > 0 && typed.startsWith(mrz))) return []
  return [issue(field, 'mrz.name-mismatch', { fromMrz, entered })]
}

const mismatch = (field: IssueField, fromMrz: DisplayValue, entered: DisplayValue): Issue =>
  issue(field, 'mrz.mismatch', { fromMrz, entered })

/**
 * An MRZ that passed every check is better evidence than typing: empty fields get its values as
 * suggestions, differing ones an error offered with the MRZ value (names only warn, see above).
 */
export function crossCheckMrz(mrz: MrzData, values: MrzComparable): { issues: Issue[]; suggestions: Suggestion[] } {
  const { draft } = values
  const issues: Issue[] = []
  const suggestions: Suggestion[] = []

  if (draft.documentType !== mrz.documentType) {
    suggestions.push({ field: 'documentType', value: mrz.documentType, source: 'mrz' })
    if (draft.documentType !== null) {
      const shown = (documentType: DocumentType): DisplayValue => ({ kind: 'document-type', documentType })
      issues.push(mismatch('documentType', shown(mrz.documentType), shown(draft.documentType)))
    }
  }
  if (mrz.country !== null && draft.country !== mrz.country) {
    suggestions.push({ field: 'country', value: mrz.country, source: 'mrz' })
    if (draft.country !== null) issues.push(mismatch('country', textValue(mrz.country), textValue(draft.country)))
  }
  const number = draft.documentNumber === null ? null : normalizeDocumentNumber(draft.documentNumber)
  if (number !== mrz.documentNumber) {
    suggestions.push({ field: 'documentNumber', value: mrz.documentNumber, source: 'mrz' })
    if (draft.documentNumber !== null) {
      issues.push(mismatch('documentNumber', textValue(mrz.documentNumber), textValue(draft.documentNumber)))
    }
  }
  if (mrz.birthday !== null && values.birthday !== mrz.birthday) {
    suggestions.push({ field: 'birthday', value: mrz.birthday, source: 'mrz' })
    if (values.birthday !== null) issues.push(mismatch('birthday', textValue(mrz.birthday), textValue(values.birthday)))
  }
  if (mrz.gender !== null && draft.gender !== mrz.gender) {
    suggestions.push({ field: 'gender', value: mrz.gender, source: 'mrz' })
    if (draft.gender !== null) {
      issues.push(mismatch('gender', { kind: 'gender', gender: mrz.gender }, { kind: 'gender', gender: draft.gender }))
    }
  }
  if (mrz.expiryDate !== null) {
    const fromMrz: Validity = { kind: 'until', expiryDate: mrz.expiryDate }
    const entered = values.validity
    if (!(entered?.kind === 'until' && entered.expiryDate === mrz.expiryDate)) {
      suggestions.push({ field: 'validity', value: fromMrz, source: 'mrz' })
      if (entered !== null) {
        const field = entered.kind === 'until' ? 'expiryDate' : 'validity'
        issues.push(mismatch(field, { kind: 'validity', validity: fromMrz }, { kind: 'validity', validity: entered }))
      }
    }
  }

  for (const field of ['surname', 'givenName'] as const) {
    const fromMrz = mrz[field]
    if (draft[field] === null && fromMrz !== '') suggestions.push({ field, value: fromMrz, source: 'mrz' })
    issues.push(...nameIssue(field, draft[field], fromMrz))
  }
  return { issues, suggestions }
}
