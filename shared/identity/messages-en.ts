import type { ChipCardKind } from '../domain/id-card'
import type { Gender, Validity } from '../domain/identity'
import { isCountryCode } from './countries'
import { countryName } from './country-names'
import type { DisplayValue, ExpectedValidity, MrzCheckDigitName, MrzFieldName } from './issues'
import type { MessageTable } from './message-types'

const gender = (g: Gender): string => (g === 'male' ? 'male' : 'female')
const country = (code: string): string => (isCountryCode(code) ? `${code} (${countryName(code, 'en')})` : code)
const quoted = (text: string): string => `“${text}”`
const chars = (list: readonly string[]): string => list.map(quoted).join(', ')
const validity = (v: Validity): string => (v.kind === 'long-term' ? 'long-term' : v.expiryDate)

const chipCardNames: Record<ChipCardKind, string> = {
  resident: 'resident identity card',
  'hmt-permit': 'Hong Kong, Macau and Taiwan residence permit',
  'foreign-2017': "foreigner's permanent residence card (2017)",
  'foreign-2023': "foreigner's permanent residence card (2023)",
}
const permitProblems = {
  format: 'is not in the right format',
  'check-character': 'has a wrong check character',
  'birth-date': 'does not contain the birth date on the chip',
} as const

const checkDigits: Record<MrzCheckDigitName, string> = {
  'document-number': 'document number',
  'birth-date': 'birth date',
  'expiry-date': 'expiry date',
  'personal-number': 'personal number',
  composite: 'composite',
}
const mrzFields: Record<MrzFieldName, string> = {
  'document-code': 'document code',
  'issuing-state': 'issuing state',
  'document-number': 'document number',
  nationality: 'nationality',
  'birth-date': 'birth date',
  sex: 'sex',
  'expiry-date': 'expiry date',
  names: 'name',
  'optional-data': 'optional data',
}

function display(value: DisplayValue): string {
  switch (value.kind) {
    case 'text':
      return value.text
    case 'gender':
      return gender(value.gender)
    case 'document-type':
      return value.documentType === 'passport' ? 'passport' : 'identity card'
    case 'validity':
      return validity(value.validity)
  }
}

function expected(e: ExpectedValidity): string {
  return e.kind === 'long-term' ? 'is long-term' : `is valid for ${e.years} years, until ${e.expiryDate}`
}

const actual = (v: Validity): string => (v.kind === 'long-term' ? 'is long-term' : `runs until ${v.expiryDate}`)
const lineLengths = (lengths: readonly number[]): string =>
  lengths.length === 0 ? 'no lines' : `lines of ${lengths.join(', ')} characters`

const permitRegions = { HKG: 'Hong Kong', MAC: 'Macao', TWN: 'Taiwan' } as const

export const messagesEn: MessageTable = {
  required: () => 'required',
  'too-long': (p) => `too long: ${p.length} characters, at most ${p.max}`,
  'not-normalized': (p) => `write it as ${quoted(p.suggested)}`,
  'date.format': (p) => `${quoted(p.value)} is not a date in the form YYYY-MM-DD`,
  'date.impossible': (p) => `${p.value} is not a real date`,
  'date.future': (p) => `${p.value} is in the future (today is ${p.today})`,

  'country.unknown': (p) => `${quoted(p.value)} is not an ISO 3166-1 alpha-3 country code`,
  'country.not-mainland': (p) => `a Chinese mainland document is from ${country('CHN')}, not ${country(p.country)}`,
  'chinese-mainland.likely': () =>
    'an identity card from CHN is a mainland resident ID card; mark it as a Chinese mainland document',

  'name.invalid-characters': (p) =>
    `${chars(p.characters)} not allowed; use Chinese characters, Latin letters, spaces, ` +
    "hyphens (-), middle dots (·) or apostrophes (')",
  'name.separator-position': () =>
    'a space, hyphen, middle dot or apostrophe cannot start or end the name, nor follow another one',
  'name.mixed-scripts': () => 'mixes Chinese characters and Latin letters; check it is written as on the document',

  'uid.format': () => 'must be 1 to 19 digits, not starting with 0',
  'uid.out-of-range': () => 'larger than any platform uid can be (9223372036854775807)',

  'document-number.format': (p) =>
    p.format === 'passport'
      ? 'a passport number is 5 to 15 letters (A-Z) and digits'
      : 'an identity card number is 4 to 32 letters (A-Z), digits, brackets, hyphens or slashes',
  'document-number.unusual-cn-passport': () =>
    'does not look like a Chinese passport number (9 characters: 1 or 2 letters, then digits, e.g. E12345678); check it',

  'cn-id.legacy-15-digit': () =>
    'a 15-digit number belongs to a first-generation card, no longer a valid document; ask for the current 18-digit card',
  'cn-id.length': (p) => `has ${p.length} characters, needs 18`,
  'cn-id.characters': () => 'must be 17 digits followed by a digit or X',
  'cn-id.region': (p) => `the first two digits (${p.code}) are not a province code`,
  'cn-id.residence-permit': (p) =>
    `this is the number of a residence permit for ${permitRegions[p.region]} residents, not a mainland resident ID card`,
  'cn-id.birth-date-invalid': (p) => `digits 7 to 14 (${p.digits}) are not a real date of birth`,
  'cn-id.birth-date-future': (p) => `the date of birth in it (${p.birthday}) is in the future (today is ${p.today})`,
  'cn-id.check-character': (p) =>
    `check character should be ${p.expected}, not ${p.actual} — if the card shows ${p.actual}, another digit is mistyped`,

  'birthday.mismatch-id-number': (p) => `the ID number says ${p.fromIdNumber}, not ${p.entered}`,
  'gender.mismatch-id-number': (p) => `the ID number says ${gender(p.fromIdNumber)}, not ${gender(p.entered)}`,
  'birthday.implausible-age': (p) => `would make the applicant ${p.age} years old; check it`,

  'issue-date.before-birth': (p) => `${p.issueDate} is before the date of birth (${p.birthday})`,
  'issue-date.first-generation-cn-id': (p) =>
    `a card issued on ${p.issueDate}, before 2004, is a first-generation card, invalid since 2013; check the date`,
  'expiry-date.not-after-issue': (p) => `${p.expiryDate} is not after the issue date (${p.issueDate})`,
  'expiry-date.expired': (p) => `the document expired on ${p.expiryDate} (today is ${p.today})`,
  'validity.long-term-not-allowed': () => 'a passport is never long-term; enter its expiry date',
  'validity.legal-period-mismatch': (p) =>
    `a card issued at age ${p.ageAtIssue} ${expected(p.expected)}, but this one ${actual(p.actual)}; ` +
    'check the card, or confirm with a reason',

  'mrz.unrecognized-format': (p) =>
    `${lineLengths(p.lineLengths)} match no MRZ format; an identity card has 3 lines of 30, a passport 2 lines of 44`,
  'mrz.unsupported-format': () => 'the TD2 format (2 lines of 36) is not supported; enter the data by hand',
  'mrz.invalid-characters': (p) => `${chars(p.characters)} cannot appear in an MRZ (only A-Z, 0-9 and <)`,
  'mrz.check-digit': (p) =>
    `${checkDigits[p.digit]} check digit should be ${p.expected}, not ${p.actual}; the MRZ was misread or mistyped`,
  'mrz.invalid-field': (p) => `the ${mrzFields[p.mrzField]} field ${quoted(p.value)} is not valid`,
  'mrz.state-not-iso': (p) =>
    `${p.code} is not an ISO country code (a UN, EU, stateless or refugee document); choose the country by hand`,
  'mrz.mismatch': (p) => `the MRZ says ${display(p.fromMrz)}, not ${display(p.entered)}`,
  'mrz.name-mismatch': (p) => `the MRZ says ${p.fromMrz}, not ${p.entered}; check the spelling`,

  'chip.card-not-accepted': (p) =>
    `the ${chipCardNames[p.kind]} was read, but the platform does not take this card as a resident identity card; use a passport or the holder's Hong Kong, Macau or Taiwan identity document`,
  'chip.permit-number': (p) => `the ${chipCardNames[p.kind]} number ${permitProblems[p.problem]}`,
  'chip.edited': (p) => `the chip says “${p.chipValue}”; changing what the chip says needs a reason`,
  'chip.split-unconfirmed': (p) => `confirm where the surname ends (surname “${p.surname}”, given name “${p.givenName}”) before queueing`,
}
