import { describe, expect, it } from 'vitest'
import { manifestFields, resolveHeaders } from './fields'

describe('resolveHeaders', () => {
  it('finds the English headers in any order and case, trimmed', () => {
    const headers = [...manifestFields].reverse().map((f, i) => (i % 2 ? ` ${f.toUpperCase()} ` : f))
    const result = resolveHeaders(headers)
    if (!result.ok) throw new Error(result.problem.code)
    expect(result.map.columns.hand).toBe(0)
    expect(result.map.columns.uid).toBe(manifestFields.length - 1)
    expect(result.map.unknown).toEqual([])
  })

  it('accepts the Chinese aliases, full-width forms included, and reports unknown columns', () => {
    const chinese = ['用户ID', '令牌', '国家／地区', '姓', '名', '证件类型', '证件号码', '出生日期', '性别', '是否中国大陆', '签发日期', '有效期至', '长期有效', '正面', '背面', '手持', '备注']
    const result = resolveHeaders(chinese)
    if (!result.ok) throw new Error(result.problem.code)
    expect(result.map.columns).toMatchObject({ uid: 0, country: 2, givenName: 4, longTerm: 12, hand: 15 })
    expect(result.map.unknown).toEqual(['备注'])
  })

  it('names every missing column, and refuses two columns for one field', () => {
    expect(resolveHeaders(['uid', 'token', '姓'])).toMatchObject({ ok: false, problem: { code: 'manifest.missing-columns', fields: expect.arrayContaining(['givenName', 'hand']) } })
    expect(resolveHeaders([...manifestFields, '证件号'])).toEqual({
      ok: false,
      problem: { code: 'manifest.duplicate-column', field: 'documentNumber', headers: ['documentNumber', '证件号'] },
    })
  })
})
