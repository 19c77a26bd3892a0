import { isCountryCode, type CountryCode } from './countries'

/**
 * ICAO 9303 writes a few states with codes that are not ISO 3166-1 alpha-3: Germany as `D`, and
 * the British nationality classes (citizens of overseas territories, British Nationals (Overseas),
 * ...) under the United Kingdom. UN, EU, stateless and refugee codes name no country: null.
 */
const icaoOnlyCodes: Readonly<Record<string, CountryCode>> = {
  D: 'DEU',
  GBD: 'GBR',
  GBN: 'GBR',
  GBO: 'GBR',
  GBP: 'GBR',
  GBS: 'GBR',
}

export function countryFromMrzState(code: string): CountryCode | null {
  if (isCountryCode(code)) return code
  return icaoOnlyCodes[code] ?? null
}
