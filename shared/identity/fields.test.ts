import { states } from 'mrz'
import { describe, expect, it } from 'vitest'
import { identityDataSchema } from '../domain/identity'
import { countryCodes, isCountryCode } from './countries'
import { countryName, countryOptions } from './country-names'
import { checkDocumentNumber } from './document-number'
import { fieldLimits } from './limits'
import { countryFromMrzState } from './mrz-states'
import { checkUid } from './uid'

describe('country codes', () => {
  it('ships all 249 ISO 3166-1 alpha-3 codes, sorted and unique', () => {
    expect(countryCodes).toHaveLength(249)
    expect(new Set(countryCodes).size).toBe(249)
    expect([...countryCodes].sort()).toEqual([...countryCodes])
  })

  it('agrees with the ICAO state list in mrz: every ISO code is a state, and the extras are not ISO', () => {
    const icaoOnly = Object.keys(states).filter((code) => !isCountryCode(code))
    expect(countryCodes.filter((code) => states[code] === undefined)).toEqual([])
    expect(icaoOnly).toContain('D')
    expect(icaoOnly).toContain('XXA')
    expect(icaoOnly).toHaveLength(Object.keys(states).length - 249)
  })

  it('names the common ones in both locales, Hong Kong, Macao and Taiwan as regions of China', () => {
    expect(countryName('CHN', 'zh-CN')).toBe('中国')
    expect(countryName('HKG', 'zh-CN')).toBe('中国香港')
    expect(countryName('TWN', 'en')).toBe('Taiwan, China')
    expect(countryName('USA', 'en')).toBe('United States')
    expect(countryName('BHS', 'en')).toBe('Bahamas')
  })

  it('names every other code in Chinese too, so a Chinese picker shows no English name', () => {
    expect(countryName('BHS', 'zh-CN')).toBe('巴哈马')
    expect(countryName('SGS', 'zh-CN')).toBe('南乔治亚和南桑威奇群岛')
    const latin = countryOptions('zh-CN').filter((o) => /[A-Za-z]/.test(o.name))
    expect(latin).toEqual([])
  })

  it('offers every code in a picker with the pinned ones first', () => {
    const options = countryOptions('zh-CN')
    expect(options).toHaveLength(249)
    expect(options.slice(0, 4).map((o) => o.code)).toEqual(['CHN', 'HKG', 'MAC', 'TWN'])
    expect(options.every((o) => o.name.length > 0)).toBe(true)
  })

  it('maps ICAO-only MRZ codes to ISO where they name a country', () => {
    expect(countryFromMrzState('D')).toBe('DEU')
    expect(countryFromMrzState('GBN')).toBe('GBR')
    expect(countryFromMrzState('CHN')).toBe('CHN')
    expect(countryFromMrzState('UNO')).toBeNull()
  })
})

describe('checkUid', () => {
  it('accepts a decimal Java Long, as a string', () => {
    expect(checkUid('1')).toEqual([])
    expect(checkUid('9223372036854775807')).toEqual([])
  })

  it('rejects leading zeros, non-digits, and values beyond a Long', () => {
    expect(checkUid('0123')).toMatchObject([{ field: 'uid', code: 'uid.format' }])
    expect(checkUid('12a')).toMatchObject([{ code: 'uid.format' }])
    expect(checkUid('')).toMatchObject([{ code: 'uid.format' }])
    expect(checkUid('9223372036854775808')).toMatchObject([{ code: 'uid.out-of-range' }])
    expect(checkUid('99999999999999999999')).toMatchObject([{ code: 'uid.format' }])
  })
})

describe('checkDocumentNumber', () => {
  it('accepts passports and non-mainland identity cards', () => {
    expect(checkDocumentNumber('passport', 'CHN', 'E12345678')).toEqual([])
    expect(checkDocumentNumber('passport', 'CHN', 'EA1234567')).toEqual([])
    expect(checkDocumentNumber('passport', 'DEU', 'C01X00T47')).toEqual([])
    expect(checkDocumentNumber('id_card', 'HKG', 'A123456(7)')).toEqual([])
  })

  it('offers the canonical form for lower case and spaces', () => {
    expect(checkDocumentNumber('passport', 'USA', 'e1234 5678')).toEqual([
      { field: 'documentNumber', code: 'not-normalized', severity: 'error', params: { suggested: 'E12345678' } },
    ])
  })

  it('rejects impossible formats and only warns on unusual Chinese passport numbers', () => {
    expect(checkDocumentNumber('passport', 'USA', 'E1-23')).toMatchObject([{ code: 'document-number.format', params: { format: 'passport' } }])
    expect(checkDocumentNumber('id_card', 'HKG', 'A1')).toMatchObject([{ code: 'document-number.format', params: { format: 'id-card' } }])
    expect(checkDocumentNumber('passport', 'CHN', '123456789')).toMatchObject([
      { code: 'document-number.unusual-cn-passport', severity: 'warning' },
    ])
  })
})

describe('field limits', () => {
  it('match the domain schema the stored identity is parsed with', () => {
    const { shape } = identityDataSchema
    expect(shape.surname.maxLength).toBe(fieldLimits.surname)
    expect(shape.givenName.maxLength).toBe(fieldLimits.givenName)
    expect(shape.documentNumber.maxLength).toBe(fieldLimits.documentNumber)
  })
})
