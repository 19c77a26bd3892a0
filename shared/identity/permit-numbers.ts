import type { ChipCardKind } from '../domain/id-card'
import { cnIdCheckCharacter } from './cn-resident-id'

/**
 * Numbers of the cards that are not mainland resident cards, learnt only where the platform takes
 * them as `currentLocation` 1 (an admin setting):
 * - J, residence permits for Hong Kong (810000), Macau (820000) and Taiwan (830000) residents: the
 *   resident number's scheme, MOD 11-2 check character included;
 * - Y, the 2023 foreigner's card: 18 characters opening with 9, the same check character;
 * - I, the 2017 foreigner's card: nationality (3 letters), 2-digit region, birth `YYMMDD`, 4 digits.
 * The birth date in the number must be the chip's.
 */
export type PermitNumberProblem = 'format' | 'check-character' | 'birth-date'

const formats: Record<Exclude<ChipCardKind, 'resident'>, RegExp> = {
  'hmt-permit': /^8[123]0000\d{11}[\dX]$/,
  'foreign-2023': /^9\d{16}[\dX]$/,
  'foreign-2017': /^[A-Z]{3}\d{12}$/,
}

/** The HMT region a J number names (its first two digits). */
export function permitRegionOf(number: string): 'HKG' | 'MAC' | 'TWN' | null {
  return ({ '81': 'HKG', '82': 'MAC', '83': 'TWN' } as const)[number.slice(0, 2) as '81'] ?? null
}

export function checkPermitNumber(kind: Exclude<ChipCardKind, 'resident'>, number: string, chipBirth: string): PermitNumberProblem | null {
  if (!formats[kind].test(number)) return 'format'
  if (kind === 'foreign-2017') return number.slice(5, 11) === chipBirth.slice(2, 8) ? null : 'birth-date'
  if (cnIdCheckCharacter(number.slice(0, 17)) !== number.charAt(17)) return 'check-character'
  return number.slice(6, 14) === chipBirth ? null : 'birth-date'
}
