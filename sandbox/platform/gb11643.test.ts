import { describe, expect, it } from 'vitest'
import { checkCharacter, readResidentIdNumber } from './gb11643'

describe('GB 11643 resident identity numbers', () => {
  it('uses the weights printed in the standard', () => {
    // GB 11643-1999 table: W_i for positions 1..17.
    const printed = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    const digitsWithOneOne = (position: number) => '0'.repeat(position) + '1' + '0'.repeat(16 - position)
    // With a single 1 at position p the weighted sum is W_p, so the check character reveals it.
    printed.forEach((weight, position) => {
      expect(checkCharacter(digitsWithOneOne(position))).toBe(((12 - weight) % 11 === 10 ? 'X' : String((12 - weight) % 11)))
    })
  })

  it('reads the standard examples', () => {
    expect(readResidentIdNumber('11010519491231002X')).toEqual({ valid: true, birthDate: '1949-12-31', gender: 2 })
    expect(readResidentIdNumber('440524188001010014')).toEqual({ valid: true, birthDate: '1880-01-01', gender: 1 })
  })

  it('refuses every single-digit change of a valid number', () => {
    const valid = '440524188001010014'
    let refused = 0
    for (let position = 0; position < 17; position++) {
      const digit = Number(valid.charAt(position))
      const changed = valid.slice(0, position) + String((digit + 1) % 10) + valid.slice(position + 1)
      if (!readResidentIdNumber(changed).valid) refused++
    }
    expect(refused).toBe(17)
  })

  it('says what is wrong', () => {
    expect(readResidentIdNumber('11010519491231002x')).toEqual({ valid: false, problem: 'idFormat' })
    expect(readResidentIdNumber('1101051949123100')).toEqual({ valid: false, problem: 'idFormat' })
    expect(readResidentIdNumber('110105194902300021')).toEqual({ valid: false, problem: 'idFormat' }) // 30 February
    expect(readResidentIdNumber('99010519491231002X')).toEqual({ valid: false, problem: 'idRegion' })
    expect(readResidentIdNumber('110105194912310021')).toEqual({ valid: false, problem: 'idChecksum' })
  })
})
