import { describe, expect, it } from 'vitest'
import { checkName, normalizeName } from './names'

const codes = (value: string) => checkName('surname', value).map((i) => i.code)

describe('checkName', () => {
  it('accepts Chinese, Latin (with accents) and minority names with a middle dot', () => {
    for (const name of ['张', '欧阳', '阿依古丽·买买提', 'Zhang', "O'Brien", 'Müller-Lüdenscheidt', 'van der Berg', 'José']) {
      expect(codes(name), name).toEqual([])
    }
  })

  it('lists the characters that are not allowed', () => {
    expect(checkName('givenName', 'Anna2@x2')).toEqual([
      { field: 'givenName', code: 'name.invalid-characters', severity: 'error', params: { characters: ['2', '@'] } },
    ])
    expect(codes('Иван')).toEqual(['name.invalid-characters'])
    expect(codes('Ann.')).toEqual(['name.invalid-characters'])
  })

  it('rejects separators at the ends or doubled', () => {
    expect(codes('-Anna')).toEqual(['name.separator-position'])
    expect(codes("Anna'")).toEqual(['name.separator-position'])
    expect(codes('阿依古丽··买买提')).toEqual(['name.separator-position'])
    expect(codes('Anna- Maria')).toEqual(['name.separator-position'])
  })

  it('offers the canonical form for IME output and look-alike dots', () => {
    expect(checkName('givenName', '阿依古丽•买买提')).toEqual([
      { field: 'givenName', code: 'not-normalized', severity: 'error', params: { suggested: '阿依古丽·买买提' } },
    ])
    expect(normalizeName('Ｚｈａｎｇ　 San')).toBe('Zhang San')
    expect(normalizeName('O’Brien')).toBe("O'Brien")
  })

  it('warns on mixed scripts and limits the length', () => {
    expect(checkName('surname', '张Zhang')).toMatchObject([{ code: 'name.mixed-scripts', severity: 'warning' }])
    expect(checkName('surname', 'A'.repeat(65))).toMatchObject([{ code: 'too-long', params: { max: 64, length: 65 } }])
    expect(codes('A'.repeat(64))).toEqual([])
  })
})
