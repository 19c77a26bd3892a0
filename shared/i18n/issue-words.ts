import type { ErrorReason } from '../contract/errors'
import type { Gender, Validity } from '../domain/identity'
import type { BindingIssue } from '../identity/account-binding'
import { isCountryCode } from '../identity/countries'
import { countryName } from '../identity/country-names'
import type { DisplayValue, Issue, IssueCode, IssueParamsMap } from '../identity/issues'
import type { Words } from './word-reason'

type Params = Record<string, string | number>

/**
 * How an issue's values become the table's: codes whose values are all plain text or numbers
 * may pass them as they are; the others (lists, genders, nested validity) must say how, or this
 * does not compile.
 */
type ValueWording = {
  [C in IssueCode as IssueParamsMap[C] extends Params ? never : C]: (params: IssueParamsMap[C], words: Words) => ErrorReason
} & {
  [C in IssueCode as IssueParamsMap[C] extends Params ? C : never]?: (params: IssueParamsMap[C], words: Words) => ErrorReason
}

const issueKey = (code: IssueCode): string => `identityIssue.${code}`
const quoted = ({ word }: Words, text: string): string => word({ key: 'identityWord.quoted', params: { text } })
const list = (words: Words, items: readonly string[]): string =>
  items.map((item) => quoted(words, item)).join(words.word({ key: 'list.separator' }))
const gender = ({ word }: Words, value: Gender): string => word({ key: `identityWord.gender.${value}` })
const country = (words: Words, code: string): string =>
  isCountryCode(code) ? words.word({ key: 'identityWord.country', params: { code, name: countryName(code, words.locale) } }) : code
const validity = ({ word }: Words, value: Validity): string =>
  value.kind === 'long-term' ? word({ key: 'identityWord.longTerm' }) : value.expiryDate

function display(words: Words, value: DisplayValue): string {
  switch (value.kind) {
    case 'text':
      return value.text
    case 'gender':
      return gender(words, value.gender)
    case 'document-type':
      return words.word({ key: `identityWord.documentType.${value.documentType}` })
    case 'validity':
      return validity(words, value.validity)
  }
}

const valueWording: ValueWording = {
  'country.not-mainland': (p, w) => ({ key: issueKey('country.not-mainland'), params: { mainland: country(w, 'CHN'), country: country(w, p.country) } }),
  'name.invalid-characters': (p, w) => ({ key: issueKey('name.invalid-characters'), params: { characters: list(w, p.characters) } }),
  'mrz.invalid-characters': (p, w) => ({ key: issueKey('mrz.invalid-characters'), params: { characters: list(w, p.characters) } }),
  'document-number.format': (p) => ({ key: `${issueKey('document-number.format')}.${p.format}` }),
  'cn-id.residence-permit': (p, w) => ({ key: issueKey('cn-id.residence-permit'), params: { region: w.word({ key: `identityWord.permitRegion.${p.region}` }) } }),
  'gender.mismatch-id-number': (p, w) => ({
    key: issueKey('gender.mismatch-id-number'),
    params: { fromIdNumber: gender(w, p.fromIdNumber), entered: gender(w, p.entered) },
  }),
  'validity.legal-period-mismatch': (p, { word }) => ({
    key: issueKey('validity.legal-period-mismatch'),
    params: {
      ageAtIssue: p.ageAtIssue,
      expected:
        p.expected.kind === 'long-term'
          ? word({ key: 'identityWord.expected.long-term' })
          : word({ key: 'identityWord.expected.years', params: { years: p.expected.years, expiryDate: p.expected.expiryDate } }),
      actual:
        p.actual.kind === 'long-term'
          ? word({ key: 'identityWord.actual.long-term' })
          : word({ key: 'identityWord.actual.until', params: { expiryDate: p.actual.expiryDate } }),
    },
  }),
  'mrz.unrecognized-format': (p, { word }) => ({
    key: issueKey('mrz.unrecognized-format'),
    params: {
      lineLengths:
        p.lineLengths.length === 0
          ? word({ key: 'identityWord.lineLengths.none' })
          : word({ key: 'identityWord.lineLengths.some', params: { lengths: p.lineLengths.join(word({ key: 'list.separator' })) } }),
    },
  }),
  'mrz.check-digit': (p, w) => ({ key: issueKey('mrz.check-digit'), params: { ...p, digit: w.word({ key: `identityWord.checkDigit.${p.digit}` }) } }),
  'mrz.invalid-field': (p, w) => ({ key: issueKey('mrz.invalid-field'), params: { value: p.value, mrzField: w.word({ key: `identityWord.mrzField.${p.mrzField}` }) } }),
  'mrz.mismatch': (p, w) => ({ key: issueKey('mrz.mismatch'), params: { fromMrz: display(w, p.fromMrz), entered: display(w, p.entered) } }),
  'chip.card-not-accepted': (p, w) => ({ key: issueKey('chip.card-not-accepted'), params: { card: w.word({ key: `identityWord.chipCard.${p.kind}` }) } }),
  'chip.permit-number': (p, w) => ({
    key: `${issueKey('chip.permit-number')}.${p.problem}`,
    params: { card: w.word({ key: `identityWord.chipCard.${p.kind}` }) },
  }),
}

function issueReason<C extends IssueCode>(code: C, params: IssueParamsMap[C], words: Words): ErrorReason {
  // Each entry takes exactly its own code's values (see ValueWording); TypeScript cannot correlate them here.
  const wording = valueWording[code] as ((params: IssueParamsMap[C], words: Words) => ErrorReason) | undefined
  return wording ? wording(params, words) : { key: issueKey(code), params: params as Params }
}

/** The field's name, then what is wrong with it: "身份证号码：校验位应为 X，而不是 3 …" / "ID number: check character should be X …". */
function labelled({ word }: Words, label: string, text: string): string {
  return word({ key: 'list.labelled', params: { label: word({ key: `field.${label}` }), text } })
}

/** An identity rule's issue as one sentence naming its field; Resident ID number rules name the number by its own name. */
export function wordIdentityIssue(found: Issue, words: Words): string {
  const label = found.code.startsWith('cn-id.') ? 'idNumber' : found.field
  return labelled(words, label, words.word(issueReason(found.code, found.params, words)))
}

/** The uid's range is one rule, whether the uid was typed into the form or read from a binding code. */
const bindingKey = (code: BindingIssue['code']): string => (code === 'uid.out-of-range' ? issueKey('uid.out-of-range') : `bindingIssue.${code}`)

/** An account-binding issue as one sentence naming its field, e.g. "Platform uid: must not start with 0". */
export function wordBindingIssue(found: BindingIssue, words: Words): string {
  const { field, code, ...params } = found
  return labelled(words, field, words.word({ key: bindingKey(code), params }))
}
