import { describe, expect, it } from 'vitest'
import type { Validity } from '../domain/identity'
import { checkDocumentDates, legalCnIdValidity, type DocumentDates } from './document-dates'

const today = '2025-06-01'
const until = (expiryDate: string): Validity => ({ kind: 'until', expiryDate })
const longTerm: Validity = { kind: 'long-term' }

function cnCard(birthday: string, issueDate: string, validity: Validity): DocumentDates {
  return { documentType: 'id_card', chineseMainland: true, issueDate, validity, birthday }
}
const codes = (dates: DocumentDates) => checkDocumentDates(dates, { today }).map((i) => i.code)

describe('legalCnIdValidity', () => {
  it('follows the law by age at issue: under 16, 16-25, 26-45, 46 and over', () => {
    expect(legalCnIdValidity('2010-06-01', '2025-05-31')).toEqual({ kind: 'years', years: 5, expiryDate: '2030-05-31' })
    expect(legalCnIdValidity('2009-06-01', '2025-06-01')).toEqual({ kind: 'years', years: 10, expiryDate: '2035-06-01' })
    expect(legalCnIdValidity('1999-06-02', '2025-06-01')).toEqual({ kind: 'years', years: 10, expiryDate: '2035-06-01' })
    expect(legalCnIdValidity('1999-06-01', '2025-06-01')).toEqual({ kind: 'years', years: 20, expiryDate: '2045-06-01' })
    expect(legalCnIdValidity('1979-06-02', '2025-06-01')).toEqual({ kind: 'years', years: 20, expiryDate: '2045-06-01' })
    expect(legalCnIdValidity('1979-06-01', '2025-06-01')).toEqual({ kind: 'long-term' })
  })

  it('has no answer for an issue date before birth', () => {
    expect(legalCnIdValidity('2000-01-01', '1999-01-01')).toBeNull()
  })
})

describe('checkDocumentDates', () => {
  it('passes a card with the legal period', () => {
    expect(codes(cnCard('1990-03-07', '2016-03-01', until('2026-03-01')))).toEqual([])
    expect(codes(cnCard('1990-03-07', '2016-03-07', until('2036-03-07')))).toEqual([])
    expect(codes(cnCard('1949-12-31', '2010-05-20', longTerm))).toEqual([])
  })

  it('warns, never errs, when the period does not match the age at issue', () => {
    // Six days short of 26 at issue: 10 years, not 20.
    const found = checkDocumentDates(cnCard('1990-03-07', '2016-03-01', until('2036-03-01')), { today })
    expect(found).toEqual([
      {
        field: 'expiryDate',
        code: 'validity.legal-period-mismatch',
        severity: 'warning',
        params: { ageAtIssue: 25, expected: { kind: 'years', years: 10, expiryDate: '2026-03-01' }, actual: until('2036-03-01') },
      },
    ])
  })

  it('warns on long-term for a young holder and on an end date for a 46-year-old', () => {
    expect(checkDocumentDates(cnCard('2000-01-01', '2020-01-01', longTerm), { today })).toMatchObject([
      { field: 'validity', code: 'validity.legal-period-mismatch', severity: 'warning' },
    ])
    expect(checkDocumentDates(cnCard('1960-01-01', '2010-01-01', until('2030-01-01')), { today })).toMatchObject([
      { field: 'expiryDate', code: 'validity.legal-period-mismatch', params: { expected: { kind: 'long-term' } } },
    ])
  })

  it('accepts 28 February or 1 March for a card issued on 29 February', () => {
    expect(codes(cnCard('1990-01-01', '2016-02-29', until('2036-02-29')))).toEqual([])
    expect(codes(cnCard('1990-01-01', '2016-02-29', until('2036-03-01')))).toEqual([])
    expect(codes(cnCard('2000-01-01', '2016-02-29', until('2026-02-28')))).toEqual([])
  })

  it('rejects an issue date in the future or before birth', () => {
    expect(codes(cnCard('1990-03-07', '2025-06-02', until('2045-06-02')))).toEqual(['date.future'])
    expect(codes({ ...cnCard('1990-03-07', '1989-01-01', until('2039-01-01')), chineseMainland: false })).toEqual([
      'issue-date.before-birth',
    ])
  })

  it('rejects an expiry not after issue, and an expired document, but not one expiring today', () => {
    const passport = (issueDate: string, expiryDate: string): DocumentDates => ({
      documentType: 'passport',
      chineseMainland: false,
      issueDate,
      validity: until(expiryDate),
      birthday: '1980-01-01',
    })
    expect(codes(passport('2020-01-01', '2020-01-01'))).toEqual(['expiry-date.not-after-issue'])
    expect(codes(passport('2020-01-01', '2019-12-31'))).toEqual(['expiry-date.not-after-issue'])
    expect(checkDocumentDates(passport('2015-01-01', '2025-05-31'), { today })).toEqual([
      { field: 'expiryDate', code: 'expiry-date.expired', severity: 'error', params: { expiryDate: '2025-05-31', today } },
    ])
    expect(codes(passport('2015-06-01', today))).toEqual([])
  })

  it('refuses long-term passports', () => {
    const dates: DocumentDates = { documentType: 'passport', chineseMainland: false, issueDate: '2020-01-01', validity: longTerm, birthday: null }
    expect(codes(dates)).toEqual(['validity.long-term-not-allowed'])
  })

  it('flags a mainland card issued before second-generation cards existed', () => {
    expect(codes(cnCard('1940-01-01', '2003-06-01', longTerm))).toEqual(['issue-date.first-generation-cn-id'])
  })

  it('runs each rule as soon as its inputs are known', () => {
    const partial: DocumentDates = { documentType: null, chineseMainland: false, issueDate: null, validity: until('2020-01-01'), birthday: null }
    expect(codes(partial)).toEqual(['expiry-date.expired'])
  })
})
