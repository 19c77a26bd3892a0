import type { Gender, IsoDate } from '../domain/identity'
import { isCnProvinceCode, residencePermitRegion } from './cn-provinces'
import { compareIsoDates, isRealDate, requireToday, toIsoDate } from './dates'
import { issue, type Issue } from './issues'

/**
 * 18-digit mainland resident ID numbers (公民身份号码, GB 11643-1999): 6-digit address code,
 * 8-digit birth date, 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character.
 */

export type CnIdIssueCode =
  | 'cn-id.legacy-15-digit'
  | 'cn-id.length'
  | 'cn-id.characters'
  | 'cn-id.region'
  | 'cn-id.residence-permit'
  | 'cn-id.birth-date-invalid'
  | 'cn-id.birth-date-future'
  | 'cn-id.check-character'

export type CnResidentIdResult =
  | { valid: true; number: string; birthday: IsoDate; gender: Gender; provinceCode: string }
  | { valid: false; issue: Issue<CnIdIssueCode> }

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
/** Index: the weighted sum mod 11; value: the check character that completes the number. */
const checkCharacters = '10X98765432'

/** The check character for the first 17 digits (ISO 7064 MOD 11-2, with X standing for 10). */
export function cnIdCheckCharacter(first17Digits: string): string {
  if (!/^\d{17}$/.test(first17Digits)) throw new RangeError('expected exactly 17 digits')
  let sum = 0
  for (const [i, weight] of weights.entries()) sum += Number(first17Digits[i]) * weight
  return checkCharacters.charAt(sum % 11)
}

/**
 * What a typed number most likely meant: full-width digits (a Chinese IME) and a lower-case x made
 * canonical, spaces removed. Validation runs on the exact string; callers offer this as a fix.
 */
export function normalizeCnResidentId(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

function invalid(found: Issue<CnIdIssueCode>): CnResidentIdResult {
  return { valid: false, issue: found }
}

/**
 * Checks run from the most to the least specific location, so the operator is pointed at the
 * wrong digits: an impossible birth date is named before the check character, which cannot tell
 * which digit is wrong.
 */
export function validateCnResidentId(value: string, options: { today: IsoDate }): CnResidentIdResult {
  const today = toIsoDate(requireToday(options.today))
  const field = 'documentNumber'
  if (/^\d{15}$/.test(value)) return invalid(issue(field, 'cn-id.legacy-15-digit', {}))
  if (value.length !== 18) return invalid(issue(field, 'cn-id.length', { length: [...value].length }))
  if (!/^\d{17}[\dX]$/.test(value)) return invalid(issue(field, 'cn-id.characters', {}))

  const province = value.slice(0, 2)
  const permitRegion = residencePermitRegion(province)
  if (permitRegion) return invalid(issue(field, 'cn-id.residence-permit', { region: permitRegion }))
  if (!isCnProvinceCode(province)) return invalid(issue(field, 'cn-id.region', { code: province }))

  const digits = value.slice(6, 14)
  const [year, month, day] = [Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8))]
  if (!isRealDate(year, month, day)) return invalid(issue(field, 'cn-id.birth-date-invalid', { digits }))
  const birthday = toIsoDate({ year, month, day })
  if (compareIsoDates(birthday, today) > 0) {
    return invalid(issue(field, 'cn-id.birth-date-future', { birthday, today }))
  }

  const expected = cnIdCheckCharacter(value.slice(0, 17))
  const actual = value.charAt(17)
  if (actual !== expected) return invalid(issue(field, 'cn-id.check-character', { expected, actual }))

  const gender: Gender = Number(value.charAt(16)) % 2 === 1 ? 'male' : 'female'
  return { valid: true, number: value, birthday, gender, provinceCode: province }
}
