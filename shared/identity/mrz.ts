import { parse, type Details, type FieldName } from 'mrz'
import type { DocumentType, Gender, IsoDate } from '../domain/identity'
import type { CountryCode } from './countries'
import { addYears, compareIsoDates, isRealDate, requireToday, toIsoDate } from './dates'
import { issue, type Issue, type MrzFieldName } from './issues'
import { checkDigitFailures, type MrzLayout } from './mrz-check-digits'
import { readMrzLines } from './mrz-input'
import { countryFromMrzState } from './mrz-states'

/** An MRZ read into domain names. Names are as the MRZ spells them: upper-case Latin, possibly truncated. */
export interface MrzData {
  layout: MrzLayout
  documentType: DocumentType
  /** As printed: `P`, `PO`, `I`, `ID`, `AC` ... */
  documentCode: string
  /** As printed, ICAO spelling (`D` for Germany). */
  issuingState: string
  /** The issuing state as ISO alpha-3, the app's `country`; null for UN, EU or stateless documents. */
  country: CountryCode | null
  nationality: CountryCode | null
  surname: string
  givenName: string
  documentNumber: string
  /** Null when the MRZ leaves part of the date unknown (`<<`), as some documents do. */
  birthday: IsoDate | null
  /** Null for `<` (unspecified) and `X`. */
  gender: Gender | null
  expiryDate: IsoDate | null
}

export type MrzResult =
  | { valid: true; data: MrzData; warnings: Issue[] }
  | { valid: false; issues: [Issue, ...Issue[]] }

const checkDigitFields: ReadonlySet<FieldName> = new Set([
  'documentNumberCheckDigit',
  'birthDateCheckDigit',
  'expirationDateCheckDigit',
  'personalNumberCheckDigit',
  'compositeCheckDigit',
])

const fieldNames: Partial<Record<FieldName, MrzFieldName>> = {
  documentCode: 'document-code',
  issuingState: 'issuing-state',
  documentNumber: 'document-number',
  nationality: 'nationality',
  birthDate: 'birth-date',
  sex: 'sex',
  expirationDate: 'expiry-date',
  lastName: 'names',
  firstName: 'names',
  optional1: 'optional-data',
  optional2: 'optional-data',
  personalNumber: 'optional-data',
}

type DateRead = { ok: true; date: IsoDate | null } | { ok: false }

/**
 * A YYMMDD date with its century. A birth date is the latest that is not in the future (a baby born
 * this year rather than a 100-year-old); an expiry date is 20YY unless that lies over 50 years ahead,
 * so a passport that expired in 1998 reads as expired rather than valid until 2098.
 */
function readDate(yymmdd: string, kind: 'birth' | 'expiry', today: IsoDate): DateRead {
  if (yymmdd.includes('<')) return { ok: true, date: null }
  const [yy, month, day] = [Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6))]
  if (!isRealDate(2000 + yy, month, day) && !isRealDate(1900 + yy, month, day)) return { ok: false }
  const recent = { year: 2000 + yy, month, day }
  const older = { year: 1900 + yy, month, day }
  const latestAllowed = kind === 'birth' ? today : toIsoDate(addYears(requireToday(today), 50))
  const pick = compareIsoDates(toIsoDate(recent), latestAllowed) <= 0 ? recent : older
  // 29 February exists in 2000 but not 1900: the century decides whether the date is real.
  return isRealDate(pick.year, pick.month, pick.day) ? { ok: true, date: toIsoDate(pick) } : { ok: false }
}

function fieldIssues(details: readonly Details[], lines: readonly string[]): Issue[] {
  const issues: Issue[] = []
  const reported = new Set<MrzFieldName>()
  for (const detail of details) {
    if (detail.valid || detail.field === null || checkDigitFields.has(detail.field)) continue
    const mrzField = fieldNames[detail.field] ?? 'optional-data'
    const range = detail.ranges[0]
    // The typings omit the raw text the package attaches to a range, so it is cut from the lines.
    const value = range ? (lines[range.line] ?? '').slice(range.start, range.end) : ''
    // ICAO allows X (unspecified) for sex; the `mrz` package knows only M, F and <.
    if (mrzField === 'sex' && value === 'X') continue
    if (reported.has(mrzField)) continue
    reported.add(mrzField)
    issues.push(issue('mrz', 'mrz.invalid-field', { mrzField, value }))
  }
  return issues
}

function genderFrom(sex: string | null | undefined): Gender | null {
  return sex === 'male' || sex === 'female' ? sex : null
}

/**
 * Parses MRZ text (TD1: 3 lines of 30; TD3: 2 lines of 44) as typed by a swipe reader or pasted,
 * checks every check digit and field, and maps the result to domain names. Nothing from an MRZ
 * with a failing check is returned: a misread character must not fill the form.
 */
export function parseMrz(text: string, options: { today: IsoDate }): MrzResult {
  const today = toIsoDate(requireToday(options.today))
  const read = readMrzLines(text)
  if (!read.ok) return { valid: false, issues: [read.issue] }
  const { layout, lines } = read

  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(lines)
  } catch {
    // Shape and characters were checked above, so this is a library surprise: never crash the form over it.
    return { valid: false, issues: [issue('mrz', 'mrz.unrecognized-format', { lineLengths: lines.map((l) => l.length) })] }
  }
  const issues: Issue[] = checkDigitFailures(layout, lines).map((failure) =>
    issue('mrz', 'mrz.check-digit', { digit: failure.name, expected: failure.expected, actual: failure.actual }),
  )
  issues.push(...fieldIssues(parsed.details, lines))

  const { fields } = parsed
  const birth = readDate(fields.birthDate ?? '', 'birth', today)
  const expiry = readDate(fields.expirationDate ?? '', 'expiry', today)
  if (fields.birthDate && !birth.ok) {
    issues.push(issue('mrz', 'mrz.invalid-field', { mrzField: 'birth-date', value: fields.birthDate }))
  }
  if (fields.expirationDate && !expiry.ok) {
    issues.push(issue('mrz', 'mrz.invalid-field', { mrzField: 'expiry-date', value: fields.expirationDate }))
  }

  const [first, ...rest] = issues
  if (first) return { valid: false, issues: [first, ...rest] }

  const issuingState = fields.issuingState ?? ''
  const nationalityCode = fields.nationality ?? ''
  const warnings: Issue[] = []
  for (const code of new Set([issuingState, nationalityCode])) {
    if (countryFromMrzState(code) === null) warnings.push(issue('mrz', 'mrz.state-not-iso', { code }))
  }
  const data: MrzData = {
    layout,
    documentType: layout === 'TD3' ? 'passport' : 'id_card',
    documentCode: fields.documentCode ?? '',
    issuingState,
    country: countryFromMrzState(issuingState),
    nationality: countryFromMrzState(nationalityCode),
    surname: fields.lastName ?? '',
    givenName: fields.firstName ?? '',
    documentNumber: parsed.documentNumber ?? '',
    birthday: birth.ok ? birth.date : null,
    gender: genderFrom(fields.sex),
    expiryDate: expiry.ok ? expiry.date : null,
  }
  return { valid: true, data, warnings }
}
