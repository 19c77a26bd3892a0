import { describe, expect, it } from 'vitest'
import { cnIdCheckCharacter, normalizeCnResidentId, validateCnResidentId } from './cn-resident-id'

const today = '2025-06-01'
const check = (value: string) => validateCnResidentId(value, { today })

/** Check characters below were computed independently (a separate script), not with the code under test. */
describe('validateCnResidentId', () => {
  it('accepts the GB 11643-1999 samples and reads birthday and gender', () => {
    expect(check('11010519491231002X')).toEqual({
      valid: true,
      number: '11010519491231002X',
      birthday: '1949-12-31',
      gender: 'female',
      provinceCode: '11',
    })
    expect(check('440524188001010014')).toMatchObject({ valid: true, birthday: '1880-01-01', gender: 'male' })
  })

  it('accepts other computed numbers, including a 29 February birth and X as 10', () => {
    expect(check('310115200002291235')).toMatchObject({ valid: true, birthday: '2000-02-29', gender: 'male' })
    expect(check('44030619900307234X')).toMatchObject({ valid: true, birthday: '1990-03-07', gender: 'female' })
    expect(check('500103201205158711')).toMatchObject({ valid: true, birthday: '2012-05-15', gender: 'male' })
    expect(check('650102197511010042')).toMatchObject({ valid: true, birthday: '1975-11-01', gender: 'female' })
  })

  it('computes the MOD 11-2 check character', () => {
    expect(cnIdCheckCharacter('11010519491231002')).toBe('X')
    expect(cnIdCheckCharacter('44052418800101001')).toBe('4')
    expect(() => cnIdCheckCharacter('1101051949123100')).toThrow(RangeError)
  })

  it('names the expected and the actual check character', () => {
    expect(check('110105194912310023')).toMatchObject({
      valid: false,
      issue: { field: 'documentNumber', code: 'cn-id.check-character', severity: 'error', params: { expected: 'X', actual: '3' } },
    })
    expect(check('440524188001010015')).toMatchObject({ issue: { params: { expected: '4', actual: '5' } } })
  })

  it('catches a single mistyped digit or a transposition through the check character', () => {
    expect(check('11010519491231003X')).toMatchObject({ issue: { code: 'cn-id.check-character' } })
    expect(check('11010519491213002X')).toMatchObject({ issue: { code: 'cn-id.check-character' } })
  })

  it('rejects impossible birth dates before blaming the check character', () => {
    // 19490230 with a check character computed for it: only the date is wrong.
    const feb30 = `11010519490230002`
    expect(check(feb30 + cnIdCheckCharacter(feb30))).toMatchObject({
      issue: { code: 'cn-id.birth-date-invalid', params: { digits: '19490230' } },
    })
    expect(check('110105194913310021')).toMatchObject({ issue: { code: 'cn-id.birth-date-invalid' } })
    expect(check('110105190002290020')).toMatchObject({ issue: { code: 'cn-id.birth-date-invalid', params: { digits: '19000229' } } })
  })

  it('rejects a birth date in the future', () => {
    expect(check('110105202501010011')).toMatchObject({ valid: true })
    const future = '11010520300101001'
    expect(check(future + cnIdCheckCharacter(future))).toMatchObject({
      issue: { code: 'cn-id.birth-date-future', params: { birthday: '2030-01-01', today } },
    })
  })

  it('rejects region codes that are not provinces and names residence permits', () => {
    const unknown = '99010519491231002'
    expect(check(unknown + cnIdCheckCharacter(unknown))).toMatchObject({ issue: { code: 'cn-id.region', params: { code: '99' } } })
    const hk = '81000019900101001'
    expect(check(hk + cnIdCheckCharacter(hk))).toMatchObject({ issue: { code: 'cn-id.residence-permit', params: { region: 'HKG' } } })
  })

  it('says a 15-digit number is a legacy card, and reports other lengths and characters', () => {
    expect(check('110105491231002')).toMatchObject({ issue: { code: 'cn-id.legacy-15-digit' } })
    expect(check('11010519491231002')).toMatchObject({ issue: { code: 'cn-id.length', params: { length: 17 } } })
    expect(check('11010519491231002x')).toMatchObject({ issue: { code: 'cn-id.characters' } })
    expect(check('1101051949123100X2')).toMatchObject({ issue: { code: 'cn-id.characters' } })
  })

  it('normalizes full-width digits, a lower-case x and spaces', () => {
    expect(normalizeCnResidentId('１１０１０５ 19491231 002x')).toBe('11010519491231002X')
  })

  it('refuses a malformed today rather than guessing', () => {
    expect(() => validateCnResidentId('11010519491231002X', { today: '2025-02-30' })).toThrow(RangeError)
  })
})
