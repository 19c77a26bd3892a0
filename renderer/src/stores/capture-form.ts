import type { CaptureForm, CaptureIdentity } from '../../../shared/contract'
import type { IsoDate } from '../../../shared/domain/identity'
import { parseMrz, type IssueField, type MrzData, type Suggestion } from '../../../shared/identity'

/** A walk-in at a mainland branch most often shows a resident ID card: start there. */
export function emptyIdentity(): CaptureIdentity {
  return {
    documentType: 'id_card',
    country: 'CHN',
    chineseMainland: true,
    surname: '',
    givenName: '',
    documentNumber: '',
    birthday: '',
    gender: null,
    issueDate: '',
    validity: { kind: 'until', expiryDate: '' },
    mrz: '',
  }
}

export function emptyForm(): CaptureForm {
  return { identity: emptyIdentity(), consent: false, overrides: [] }
}

/** Dates as Excel users and ID cards write them (`19900101`, `1990/01/01`, `1990.01.01`) in the rules' `YYYY-MM-DD`. */
export function tidyDate(value: string): string {
  const text = value.normalize('NFKC').trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`
  const separated = /^(\d{4})[/.\-年](\d{1,2})[/.\-月](\d{1,2})日?$/.exec(text)
  if (separated) return `${separated[1]}-${separated[2]!.padStart(2, '0')}-${separated[3]!.padStart(2, '0')}`
  return value
}

/** Writes a suggestion's value into the form (suggestions are typed per field by shared/identity). */
export function applySuggestion(identity: CaptureIdentity, suggestion: Suggestion): void {
  switch (suggestion.field) {
    case 'documentType':
      identity.documentType = suggestion.value
      break
    case 'gender':
      identity.gender = suggestion.value
      break
    case 'validity':
      identity.validity = { ...suggestion.value }
      break
    default:
      identity[suggestion.field] = suggestion.value
  }
}

/** Whether the form's field is still blank, so an autofill may write it without asking. */
export function isBlank(identity: CaptureIdentity, field: Suggestion['field']): boolean {
  if (field === 'validity') return identity.validity?.kind !== 'long-term' && !identity.validity?.expiryDate?.trim()
  const value = identity[field]
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}

/**
 * A valid MRZ is better evidence than typing: it fills every field it carries, and the document is
 * a mainland one when it was issued by China. Returns null (and changes nothing) unless every check digit passed.
 */
export function fillFromMrz(identity: CaptureIdentity, text: string, today: IsoDate): MrzData | null {
  const parsed = parseMrz(text, { today })
  identity.mrz = text
  if (!parsed.valid) return null
  const { data } = parsed
  identity.documentType = data.documentType
  if (data.country) {
    identity.country = data.country
    identity.chineseMainland = data.country === 'CHN'
  }
  identity.surname = data.surname
  identity.givenName = data.givenName
  identity.documentNumber = data.documentNumber
  if (data.birthday) identity.birthday = data.birthday
  if (data.gender) identity.gender = data.gender
  if (data.expiryDate) identity.validity = { kind: 'until', expiryDate: data.expiryDate }
  return data
}

/** Which form control shows an issue about this field (expiry issues sit under the validity control). */
export function controlOf(field: IssueField): IssueField {
  return field === 'expiryDate' ? 'validity' : field
}
