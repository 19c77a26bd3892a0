import type { Gender, IsoDate } from '../domain/identity'
import { normalizeCnResidentId, validateCnResidentId } from './cn-resident-id'
import { issue, type Issue } from './issues'
import type { Suggestion } from './suggestions'

export interface MainlandIdCardCheck {
  issues: Issue[]
  suggestions: Suggestion[]
  /** Birthday and gender read from a valid number: the authority for the date rules that follow. */
  fromNumber: { birthday: IsoDate; gender: Gender } | null
}

/**
 * A mainland resident ID card: the number must be valid, and the birthday and gender entered must
 * be the ones it encodes. A mismatch is an error, offered with the value from the number, since
 * the platform checks the same thing and would reject the applicant later.
 */
export function checkMainlandIdCard(
  number: string,
  entered: { birthday: IsoDate | null; gender: Gender | null },
  today: IsoDate,
): MainlandIdCardCheck {
  const issues: Issue[] = []
  const suggestions: Suggestion[] = []
  const normalized = normalizeCnResidentId(number)
  const result = validateCnResidentId(normalized, { today })
  if (!result.valid) return { issues: [result.issue], suggestions, fromNumber: null }

  if (normalized !== number) {
    issues.push(issue('documentNumber', 'not-normalized', { suggested: normalized }))
    suggestions.push({ field: 'documentNumber', value: normalized, source: 'normalization' })
  }
  const { birthday, gender } = result
  if (entered.birthday !== birthday) {
    suggestions.push({ field: 'birthday', value: birthday, source: 'id-number' })
    if (entered.birthday !== null) {
      issues.push(issue('birthday', 'birthday.mismatch-id-number', { fromIdNumber: birthday, entered: entered.birthday }))
    }
  }
  if (entered.gender !== gender) {
    suggestions.push({ field: 'gender', value: gender, source: 'id-number' })
    if (entered.gender !== null) {
      issues.push(issue('gender', 'gender.mismatch-id-number', { fromIdNumber: gender, entered: entered.gender }))
    }
  }
  return { issues, suggestions, fromNumber: { birthday, gender } }
}
