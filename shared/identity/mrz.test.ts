import { describe, expect, it } from 'vitest'
import { parseMrz } from './mrz'
import { mrzCheckDigit } from './mrz-check-digits'

const today = '2025-06-01'
const parse = (text: string) => parseMrz(text, { today })

/**
 * ICAO 9303 specimens with the fictional state UTO replaced by real ones (the `mrz` package rejects
 * UTO). State codes sit outside every check digit, so the specimens' own check digits still hold.
 * The constructed CHN passports' check digits were computed by a separate script.
 */
const td3Specimen = ['P<D<<ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36D<<7408122F1204159ZE184226B<<<<<10']
const td1Specimen = ['I<CHND231458907<<<<<<<<<<<<<<<', '7408122F1204159CHN<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']
const chnPassport = ['P<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'E123456782CHN9003071M3003068<<<<<<<<<<<<<<<6']

function withChar(lines: readonly string[], line: number, column: number, char: string): string {
  return lines.map((l, i) => (i === line ? l.slice(0, column) + char + l.slice(column + 1) : l)).join('\n')
}

describe('parseMrz', () => {
  it('reads the ICAO TD3 specimen into domain names', () => {
    expect(parse(td3Specimen.join('\n'))).toEqual({
      valid: true,
      warnings: [],
      data: {
        layout: 'TD3',
        documentType: 'passport',
        documentCode: 'P',
        issuingState: 'D',
        country: 'DEU',
        nationality: 'DEU',
        surname: 'ERIKSSON',
        givenName: 'ANNA MARIA',
        documentNumber: 'L898902C3',
        birthday: '1974-08-12',
        gender: 'female',
        expiryDate: '2012-04-15',
      },
    })
  })

  it('reads the ICAO TD1 specimen', () => {
    expect(parse(td1Specimen.join('\n'))).toMatchObject({
      valid: true,
      data: {
        layout: 'TD1',
        documentType: 'id_card',
        documentCode: 'I',
        country: 'CHN',
        nationality: 'CHN',
        surname: 'ERIKSSON',
        givenName: 'ANNA MARIA',
        documentNumber: 'D23145890',
        birthday: '1974-08-12',
        gender: 'female',
        expiryDate: '2012-04-15',
      },
    })
  })

  it('reads a Chinese passport', () => {
    expect(parse(chnPassport.join('\n'))).toMatchObject({
      valid: true,
      data: { surname: 'ZHANG', givenName: 'SAN', documentNumber: 'E12345678', birthday: '1990-03-07', gender: 'male', expiryDate: '2030-03-06' },
    })
  })

  it('accepts what a swipe reader types: CR breaks, lower case, stray spaces, full-width, spaces or nothing between lines', () => {
    const expected = parse(chnPassport.join('\n'))
    expect(parse(`\r\n  ${chnPassport[0]?.toLowerCase()} \r${chnPassport[1]}\t\r\n\r\n`)).toEqual(expected)
    expect(parse(chnPassport.join('\r\n').replace('E12345678', 'E１２３４５６７８').replace('P<', 'Ｐ＜'))).toEqual(expected)
    expect(parse(chnPassport.join(''))).toEqual(expected)
    expect(parse(td1Specimen.join(' '))).toMatchObject({ valid: true, data: { documentNumber: 'D23145890' } })
  })

  it('names the failing check digit with the expected and the actual value', () => {
    expect(parse(withChar(chnPassport, 1, 9, '3'))).toEqual({
      valid: false,
      issues: [
        { field: 'mrz', code: 'mrz.check-digit', severity: 'error', params: { digit: 'document-number', expected: '2', actual: '3' } },
        { field: 'mrz', code: 'mrz.check-digit', severity: 'error', params: { digit: 'composite', expected: '3', actual: '6' } },
      ],
    })
    const birth = parse(withChar(td3Specimen, 1, 19, '3'))
    expect(birth.valid ? [] : birth.issues.map((i) => i.params)).toEqual([
      { digit: 'birth-date', expected: '2', actual: '3' },
      { digit: 'composite', expected: '3', actual: '0' },
    ])
    const expiry = parse(withChar(td1Specimen, 1, 14, '0'))
    expect(expiry.valid ? [] : expiry.issues.map((i) => i.params)).toEqual([
      { digit: 'expiry-date', expected: '9', actual: '0' },
      { digit: 'composite', expected: '7', actual: '6' },
    ])
    const personal = parse(withChar(td3Specimen, 1, 42, '2'))
    expect(personal.valid ? [] : personal.issues.map((i) => i.params)).toEqual([
      { digit: 'personal-number', expected: '1', actual: '2' },
      { digit: 'composite', expected: '1', actual: '0' },
    ])
    expect(parse(withChar(td1Specimen, 1, 29, '5'))).toMatchObject({ valid: false, issues: [{ params: { digit: 'composite', expected: '6', actual: '5' } }] })
  })

  it('reads a TD1 document number longer than 9 characters from the optional data', () => {
    const long = ['I<CHND23145890<7349<<<<<<<<<<<', '7408122F1204159CHN<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<']
    expect(parse(long.join('\n'))).toMatchObject({ valid: true, data: { documentNumber: 'D23145890734' } })
    const wrong = parse(withChar(long, 0, 18, '8'))
    expect(wrong.valid ? [] : wrong.issues.map((i) => i.params)).toMatchObject([
      { digit: 'document-number', expected: '9', actual: '8' },
      { digit: 'composite' },
    ])
  })

  it('catches a misread data character through the check digits', () => {
    // OCR's classic confusion: 0 read as O in the birth date.
    const misread = parse(withChar(chnPassport, 1, 14, 'O'))
    expect(misread.valid).toBe(false)
    expect(misread.valid ? [] : misread.issues.map((i) => i.code)).toContain('mrz.check-digit')
  })

  it('rejects the fictional UTO state, as the mrz package does', () => {
    const uto = parse(td3Specimen.join('\n').replaceAll('D<<', 'UTO'))
    expect(uto.valid ? [] : uto.issues.map((i) => i.params)).toEqual([
      { mrzField: 'issuing-state', value: 'UTO' },
      { mrzField: 'nationality', value: 'UTO' },
    ])
  })

  it('rejects a birth date that does not exist even when its check digit is right', () => {
    const feb30 = ['P<CHNLI<<XIAO<MING<<<<<<<<<<<<<<<<<<<<<<<<<<', 'E123456782CHN7402304F3001019<<<<<<<<<<<<<<<8']
    expect(parse(feb30.join('\n'))).toMatchObject({
      valid: false,
      issues: [{ code: 'mrz.invalid-field', params: { mrzField: 'birth-date', value: '740230' } }],
    })
  })

  it('picks the century: births not in the future, expiries not over 50 years ahead', () => {
    const born2025 = ['P<CHNWANG<<FANG<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'EA12345676CHN2501017F3501014<<<<<<<<<<<<<<<6']
    expect(parse(born2025.join('\n'))).toMatchObject({ data: { birthday: '2025-01-01', expiryDate: '2035-01-01' } })
    const born1930 = ['P<CHNWANG<<FANG<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'EA12345676CHN3001019F9801015<<<<<<<<<<<<<<<8']
    expect(parse(born1930.join('\n'))).toMatchObject({ data: { birthday: '1930-01-01', expiryDate: '1998-01-01' } })
  })

  it('maps ICAO-only codes, warns on codes naming no country, and accepts sex X as unspecified', () => {
    const stateless = ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C01X00T478XXA6408125X3108011<<<<<<<<<<<<<<<2']
    expect(parse(stateless.join('\n'))).toMatchObject({
      valid: true,
      warnings: [{ code: 'mrz.state-not-iso', severity: 'warning', params: { code: 'XXA' } }],
      data: { country: 'DEU', nationality: null, gender: null },
    })
    const bno = ['P<GBRSMITH<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<<<', '1234567897GBN8001014M3001019<<<<<<<<<<<<<<<8']
    expect(parse(bno.join('\n'))).toMatchObject({ valid: true, warnings: [], data: { country: 'GBR', nationality: 'GBR' } })
  })

  it('explains input that is not an MRZ', () => {
    expect(parse('P<CHN@ZHANG')).toMatchObject({ issues: [{ code: 'mrz.invalid-characters', params: { characters: ['@'] } }] })
    expect(parse(`${chnPassport[0]}\n${chnPassport[1]?.slice(0, 43)}`)).toMatchObject({
      issues: [{ code: 'mrz.unrecognized-format', params: { lineLengths: [44, 43] } }],
    })
    expect(parse('')).toMatchObject({ issues: [{ code: 'mrz.unrecognized-format', params: { lineLengths: [] } }] })
    const td2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6']
    expect(parse(td2.join('\n'))).toMatchObject({ issues: [{ code: 'mrz.unsupported-format', params: { format: 'TD2' } }] })
  })
})

describe('mrzCheckDigit', () => {
  it('matches the ICAO 9303 worked examples', () => {
    expect(mrzCheckDigit('L898902C3')).toBe('6')
    expect(mrzCheckDigit('740812')).toBe('2')
    expect(mrzCheckDigit('D23145890')).toBe('7')
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe('1')
  })
})
