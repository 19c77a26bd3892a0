import { describe, expect, it } from 'vitest'
import { textCell, type ManifestCell } from './cells'
import { parseDate, parseDocumentType, parseExactText, parseFlag, parseGender } from './values'

const t = (text: string) => textCell(text)

describe('manifest values', () => {
  it('reads dates as YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD and as a Chinese Excel saves them', () => {
    for (const written of ['2020-01-05', '2020/01/05', '20200105', '2020/1/5', '2020-1-5', '2020.01.05', '2020年1月5日', '２０２０-０１-０５']) {
      expect(parseDate(t(written)), written).toEqual({ ok: true, value: '2020-01-05' })
    }
  })

  it('reads an Excel date cell by its calendar date', () => {
    const cell: ManifestCell = { kind: 'date', date: new Date(Date.UTC(1990, 2, 15)) }
    expect(parseDate(cell)).toEqual({ ok: true, value: '1990-03-15' })
  })

  it('refuses other date shapes with the text as written, and leaves impossible days to the identity rules', () => {
    expect(parseDate(t('15/03/1990'))).toEqual({ ok: false, problem: { code: 'value.date', value: '15/03/1990' } })
    expect(parseDate(t('March 1990'))).toMatchObject({ ok: false })
    expect(parseDate(t('2021/02/30'))).toEqual({ ok: true, value: '2021-02-30' })
    expect(parseDate(t('  '))).toEqual({ ok: true, value: null })
  })

  it('reads document types, genders and 0/1 flags in English codes and Chinese words', () => {
    expect(parseDocumentType(t('ID_CARD'))).toEqual({ ok: true, value: 'id_card' })
    expect(parseDocumentType(t('护照'))).toEqual({ ok: true, value: 'passport' })
    expect(parseDocumentType(t('driving licence'))).toEqual({ ok: false, problem: { code: 'value.document-type', value: 'driving licence' } })
    expect([t('M'), t('f'), t('1'), t('2'), t('男'), t('女')].map((c) => parseGender(c))).toEqual(
      ['male', 'female', 'male', 'female', 'male', 'female'].map((value) => ({ ok: true, value })),
    )
    expect(parseGender(t('X'))).toEqual({ ok: false, problem: { code: 'value.gender', value: 'X' } })
    expect(parseFlag(t('1'))).toEqual({ ok: true, value: true })
    expect(parseFlag({ kind: 'boolean', value: false })).toEqual({ ok: true, value: false })
    expect(parseFlag(t('yes'))).toEqual({ ok: false, problem: { code: 'value.flag', value: 'yes' } })
  })

  it('catches long numbers Excel already rounded, as a number cell or as its scientific text', () => {
    expect(parseExactText({ kind: 'number', value: 110105199003151230 })).toEqual({ ok: false, problem: { code: 'value.excel-number', shown: '1.10105e+17' } })
    expect(parseExactText(t('1.10105E+17'))).toEqual({ ok: false, problem: { code: 'value.excel-number', shown: '1.10105E+17' } })
    expect(parseExactText({ kind: 'number', value: 88001234 })).toEqual({ ok: true, value: '88001234' })
    expect(parseExactText({ kind: 'error', error: '#N/A' })).toEqual({ ok: false, problem: { code: 'value.excel-error', error: '#N/A' } })
  })
})
