import type { DocumentType, Gender, IdentityData, IsoDate, Validity } from '../domain/identity'
import { isCountryCode } from './countries'
import { requireToday, toIsoDate } from './dates'
import { checkDocumentDates, legalCnIdValidity } from './document-dates'
import { checkDocumentNumber, normalizeDocumentNumber } from './document-number'
import type { IdentityDraft } from './draft'
import { checkBirthday, readDateField } from './draft-dates'
import { readDraft, type ReadDraft } from './draft-read'
import { issue, isError, type Issue } from './issues'
import { checkMainlandIdCard } from './mainland-id-card'
import { parseMrz } from './mrz'
import { crossCheckMrz } from './mrz-cross-check'
import { checkName } from './names'
import { dedupeSuggestions, type Suggestion } from './suggestions'

/**
 * `complete`: no errors, and here is the identity to store (warnings may remain; each needs an
 * operator override with a reason before queueing). `incomplete`: at least one error.
 */
export type IdentityValidation =
  | { status: 'complete'; identity: IdentityData; issues: Issue[]; suggestions: Suggestion[] }
  | { status: 'incomplete'; issues: Issue[]; suggestions: Suggestion[] }

interface Collected {
  issues: Issue[]
  suggestions: Suggestion[]
}

const requiredFields = [
  'country',
  'surname',
  'givenName',
  'documentType',
  'documentNumber',
  'birthday',
  'gender',
  'chineseMainland',
  'issueDate',
  'validity',
] as const satisfies readonly (keyof ReadDraft & keyof IdentityData)[]

function checkRequired(draft: ReadDraft, out: Collected): void {
  for (const field of requiredFields) if (draft[field] === null) out.issues.push(issue(field, 'required', {}))
  if (draft.validity?.kind === 'until' && draft.validity.expiryDate === null) {
    out.issues.push(issue('expiryDate', 'required', {}))
  }
}

function checkCountry(draft: ReadDraft, out: Collected): void {
  const { country } = draft
  if (country === null) return
  const upper = country.normalize('NFKC').toUpperCase()
  if (!isCountryCode(upper)) out.issues.push(issue('country', 'country.unknown', { value: country }))
  else if (upper !== country) {
    out.issues.push(issue('country', 'not-normalized', { suggested: upper }))
    out.suggestions.push({ field: 'country', value: upper, source: 'normalization' })
  }
  if (draft.chineseMainland === true && upper !== 'CHN') {
    out.issues.push(issue('country', 'country.not-mainland', { country }))
  }
  if (draft.chineseMainland === false && upper === 'CHN' && draft.documentType === 'id_card') {
    out.issues.push(issue('chineseMainland', 'chinese-mainland.likely', {}))
  }
}

function checkNames(draft: ReadDraft, out: Collected): void {
  for (const field of ['surname', 'givenName'] as const) {
    const value = draft[field]
    if (value === null) continue
    const found = checkName(field, value)
    out.issues.push(...found)
    for (const f of found) {
      if (f.code === 'not-normalized') out.suggestions.push({ field, value: f.params.suggested, source: 'normalization' })
    }
  }
}

function checkOtherDocumentNumber(documentType: DocumentType, draft: ReadDraft, number: string, out: Collected): void {
  const found = checkDocumentNumber(documentType, draft.country, number)
  out.issues.push(...found)
  if (found.some((f) => f.code === 'not-normalized')) {
    out.suggestions.push({ field: 'documentNumber', value: normalizeDocumentNumber(number), source: 'normalization' })
  }
}

function readValidity(draft: ReadDraft, out: Collected): Validity | null {
  if (draft.validity === null) return null
  if (draft.validity.kind === 'long-term') return draft.validity
  const expiry = readDateField('expiryDate', draft.validity.expiryDate)
  out.issues.push(...expiry.issues)
  return expiry.date === null ? null : { kind: 'until', expiryDate: expiry.date }
}

/**
 * A mainland ID card's period follows from the holder's age at issue (the card law, Art. 5), so
 * once the number and the issue date are known the expiry need not be typed; offered only while
 * the validity is still blank, a typed one is checked against the law instead.
 */
function suggestLegalValidity(draft: ReadDraft, birthday: IsoDate, issueDate: IsoDate | null, out: Collected): void {
  const blank = draft.validity === null || (draft.validity.kind === 'until' && draft.validity.expiryDate === null)
  const legal = blank && issueDate !== null ? legalCnIdValidity(birthday, issueDate) : null
  if (legal === null) return
  const value: Validity = legal.kind === 'long-term' ? legal : { kind: 'until', expiryDate: legal.expiryDate }
  out.suggestions.push({ field: 'validity', value, source: 'id-number' })
}

interface CheckedDates {
  birthday: IsoDate | null
  issueDate: IsoDate | null
  validity: Validity | null
}

/** Only reached without errors; the null checks narrow the types for the compiler, not for the rules. */
function toIdentity(draft: ReadDraft, { birthday, issueDate, validity }: CheckedDates): IdentityData | null {
  const { country, surname, givenName, documentType, documentNumber, gender, chineseMainland } = draft
  if (country === null || surname === null || givenName === null || documentType === null) return null
  if (documentNumber === null || gender === null || chineseMainland === null) return null
  if (birthday === null || issueDate === null || validity === null) return null
  return { country, surname, givenName, documentType, documentNumber, birthday, gender, chineseMainland, issueDate, validity }
}

/**
 * Every rule on an identity, for the capture form (live, on a half-typed draft: missing fields are
 * `required` issues) and for main (authoritatively, before storing or queueing). Pure: `today` is
 * passed in, so the two sides agree and tests do not depend on the clock.
 */
export function validateIdentity(input: IdentityDraft, options: { today: IsoDate }): IdentityValidation {
  const today = toIsoDate(requireToday(options.today))
  const draft = readDraft(input)
  const out: Collected = { issues: [], suggestions: [] }

  checkRequired(draft, out)
  checkCountry(draft, out)
  checkNames(draft, out)

  const birthdayField = readDateField('birthday', draft.birthday)
  const issueDateField = readDateField('issueDate', draft.issueDate)
  out.issues.push(...birthdayField.issues, ...issueDateField.issues)
  const validity = readValidity(draft, out)
  if (birthdayField.date !== null) out.issues.push(...checkBirthday(birthdayField.date, today))

  let numberFacts: { birthday: IsoDate; gender: Gender } | null = null
  if (draft.documentNumber !== null && draft.documentType !== null) {
    if (draft.documentType === 'id_card' && draft.chineseMainland === true) {
      const entered = { birthday: birthdayField.date, gender: draft.gender }
      const checked = checkMainlandIdCard(draft.documentNumber, entered, today)
      out.issues.push(...checked.issues)
      out.suggestions.push(...checked.suggestions)
      numberFacts = checked.fromNumber
      if (numberFacts) suggestLegalValidity(draft, numberFacts.birthday, issueDateField.date, out)
    } else {
      checkOtherDocumentNumber(draft.documentType, draft, draft.documentNumber, out)
    }
  }

  out.issues.push(
    ...checkDocumentDates(
      {
        documentType: draft.documentType,
        chineseMainland: draft.chineseMainland === true,
        issueDate: issueDateField.date,
        validity,
        birthday: numberFacts?.birthday ?? birthdayField.date,
      },
      { today },
    ),
  )

  if (draft.mrz !== null) {
    const mrz = parseMrz(draft.mrz, { today })
    if (!mrz.valid) out.issues.push(...mrz.issues)
    else {
      out.issues.push(...mrz.warnings)
      const crossed = crossCheckMrz(mrz.data, { draft, birthday: birthdayField.date, validity })
      out.issues.push(...crossed.issues)
      out.suggestions.push(...crossed.suggestions)
    }
  }

  const suggestions = dedupeSuggestions(out.suggestions)
  const dates = { birthday: birthdayField.date, issueDate: issueDateField.date, validity }
  const identity = out.issues.some(isError) ? null : toIdentity(draft, dates)
  return identity === null
    ? { status: 'incomplete', issues: out.issues, suggestions }
    : { status: 'complete', identity, issues: out.issues, suggestions }
}
