import { compactToIsoDate } from './calendar'

// GB 11643-1999, citizen identification number: 6-digit address code, 8-digit date of birth,
// 3-digit sequence code (odd for men, even for women), 1 check character (ISO 7064 MOD 11-2).
// Written here from the standard rather than imported from shared/, so the sandbox is a second,
// independent reading of the same rule the app applies.

/** Weight of the digit at 1-based position p (from the left): 2^(18-p) mod 11. */
const WEIGHTS = Array.from({ length: 17 }, (_, index) => 2 ** (17 - index) % 11)

/** Provinces and regions with an address code (第一、二位), including 81-83 for the HK, Macao and Taiwan residence permits. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
])

/** The check character for the first 17 digits: `0`-`9` or `X` (which stands for 10). */
export function checkCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits')
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(first17.charAt(index)), 0)
  const value = (12 - (sum % 11)) % 11
  return value === 10 ? 'X' : String(value)
}

export type ResidentIdProblem = 'idFormat' | 'idRegion' | 'idChecksum'

export type ResidentIdReading =
  | { valid: true; birthDate: string; gender: 1 | 2 }
  | { valid: false; problem: ResidentIdProblem }

/** Reads an 18-character resident identity number; upper-case X only, as the standard writes it. */
export function readResidentIdNumber(idNumber: string): ResidentIdReading {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { valid: false, problem: 'idFormat' }
  const birthDate = compactToIsoDate(idNumber.slice(6, 14))
  if (birthDate === null) return { valid: false, problem: 'idFormat' }
  if (!PROVINCE_CODES.has(Number(idNumber.slice(0, 2)))) return { valid: false, problem: 'idRegion' }
  if (checkCharacter(idNumber.slice(0, 17)) !== idNumber.charAt(17)) return { valid: false, problem: 'idChecksum' }
  return { valid: true, birthDate, gender: Number(idNumber.charAt(16)) % 2 === 1 ? 1 : 2 }
}
