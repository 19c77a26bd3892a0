import { describe, expect, it } from 'vitest'
import { identityDataSchema, type IdentityData } from '../domain/identity'
import { identityDraftSchema, type IdentityDraft } from './draft'
import { unresolvedIssues } from './overrides'
import { validateIdentity } from './validate-applicant'

const today = '2025-06-01'
const validate = (draft: IdentityDraft) => validateIdentity(draft, { today })
const codesOf = (draft: IdentityDraft) => validate(draft).issues.map((i) => `${i.field}:${i.code}`)

const mainlandCard: IdentityData = {
  country: 'CHN',
  surname: '张',
  givenName: '三',
  documentType: 'id_card',
  documentNumber: '44030619900307234X',
  birthday: '1990-03-07',
  gender: 'female',
  chineseMainland: true,
  issueDate: '2016-03-08',
  validity: { kind: 'until', expiryDate: '2036-03-08' },
}

const chnPassportMrz = 'P<CHNZHANG<<SAN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nE123456782CHN9003071M3003068<<<<<<<<<<<<<<<6'
const chnPassport: IdentityData = {
  country: 'CHN',
  surname: 'ZHANG',
  givenName: 'SAN',
  documentType: 'passport',
  documentNumber: 'E12345678',
  birthday: '1990-03-07',
  gender: 'male',
  chineseMainland: true,
  issueDate: '2020-03-07',
  validity: { kind: 'until', expiryDate: '2030-03-06' },
}

describe('validateIdentity', () => {
  it('returns the identity, ready for the domain schema, when nothing is wrong', () => {
    const result = validate(mainlandCard)
    expect(result).toEqual({ status: 'complete', identity: mainlandCard, issues: [], suggestions: [] })
    if (result.status === 'complete') expect(identityDataSchema.parse(result.identity)).toEqual(mainlandCard)
  })

  it('reports every missing field of an empty draft without failing', () => {
    expect(validate({})).toEqual({
      status: 'incomplete',
      suggestions: [],
      issues: [
        'country', 'surname', 'givenName', 'documentType', 'documentNumber',
        'birthday', 'gender', 'chineseMainland', 'issueDate', 'validity',
      ].map((field) => ({ field, code: 'required', severity: 'error', params: {} })),
    })
    expect(codesOf({ validity: { kind: 'until', expiryDate: '  ' } })).toContain('expiryDate:required')
  })

  it('treats blanks and nulls from form controls as missing', () => {
    const draft = identityDraftSchema.parse({ ...mainlandCard, surname: '   ', gender: null })
    expect(codesOf(draft)).toEqual(['surname:required', 'gender:required'])
  })

  it('offers birthday and gender from the ID number while the form is still being filled', () => {
    const result = validate({ documentType: 'id_card', chineseMainland: true, documentNumber: '11010519491231002X' })
    expect(result.suggestions).toEqual([
      { field: 'birthday', value: '1949-12-31', source: 'id-number' },
      { field: 'gender', value: 'female', source: 'id-number' },
    ])
    expect(result.issues.every((i) => i.code === 'required')).toBe(true)
  })

  it('offers the legal validity of a mainland ID card once the number and the issue date are known', () => {
    const card = { documentType: 'id_card', chineseMainland: true, documentNumber: '44030619900307234X' } as const
    const blankExpiry = { kind: 'until', expiryDate: '' } as const
    // Issued at 26: twenty years, to the same day.
    expect(validate({ ...card, issueDate: '2016-03-08', validity: blankExpiry }).suggestions).toContainEqual({
      field: 'validity',
      value: { kind: 'until', expiryDate: '2036-03-08' },
      source: 'id-number',
    })
    // Issued at 65: long-term.
    expect(validate({ ...card, documentNumber: '11010519491231002X', issueDate: '2015-03-01' }).suggestions).toContainEqual({
      field: 'validity',
      value: { kind: 'long-term' },
      source: 'id-number',
    })
    // A validity already entered is checked against the law, not offered again.
    expect(validate({ ...card, issueDate: '2016-03-08', validity: { kind: 'until', expiryDate: '2030-01-01' } }).suggestions.map((s) => s.field)).not.toContain('validity')
    expect(validate({ ...card, validity: blankExpiry }).suggestions.map((s) => s.field)).not.toContain('validity')
  })

  it('rejects a birthday and gender that contradict the ID number, offering the right ones', () => {
    const result = validate({ ...mainlandCard, birthday: '1990-07-03', gender: 'male' })
    expect(result.status).toBe('incomplete')
    expect(result.issues).toEqual([
      {
        field: 'birthday',
        code: 'birthday.mismatch-id-number',
        severity: 'error',
        params: { fromIdNumber: '1990-03-07', entered: '1990-07-03' },
      },
      { field: 'gender', code: 'gender.mismatch-id-number', severity: 'error', params: { fromIdNumber: 'female', entered: 'male' } },
    ])
    expect(result.suggestions).toEqual([
      { field: 'birthday', value: '1990-03-07', source: 'id-number' },
      { field: 'gender', value: 'female', source: 'id-number' },
    ])
  })

  it('reports a wrong ID number on the document number field', () => {
    expect(validate({ ...mainlandCard, documentNumber: '440306199003072341' }).issues).toEqual([
      { field: 'documentNumber', code: 'cn-id.check-character', severity: 'error', params: { expected: 'X', actual: '1' } },
    ])
    expect(codesOf({ ...mainlandCard, documentNumber: '440306900307234' })).toEqual(['documentNumber:cn-id.legacy-15-digit'])
  })

  it('offers the canonical ID number for a lower-case x or spaces, and still checks it', () => {
    const result = validate({ ...mainlandCard, documentNumber: '440306 19900307 234x' })
    expect(result.issues.map((i) => i.code)).toEqual(['not-normalized'])
    expect(result.suggestions).toEqual([{ field: 'documentNumber', value: '44030619900307234X', source: 'normalization' }])
  })

  it('lets a legal-period mismatch through as a warning that needs an override with a reason', () => {
    const result = validate({ ...mainlandCard, validity: { kind: 'until', expiryDate: '2026-03-08' } })
    expect(result.status).toBe('complete')
    expect(result.issues).toMatchObject([{ field: 'expiryDate', code: 'validity.legal-period-mismatch', severity: 'warning' }])
    expect(unresolvedIssues(result.issues, [])).toHaveLength(1)
    const override = { field: 'expiryDate', code: 'validity.legal-period-mismatch', reason: 'Card reissued early; checked' } as const
    expect(unresolvedIssues(result.issues, [override])).toEqual([])
    expect(unresolvedIssues(result.issues, [{ ...override, reason: '  ' }])).toHaveLength(1)
  })

  it('rejects an expired card and malformed or impossible dates', () => {
    expect(codesOf({ ...mainlandCard, issueDate: '2015-03-08', validity: { kind: 'until', expiryDate: '2025-03-08' } })).toEqual([
      'expiryDate:expiry-date.expired',
    ])
    expect(codesOf({ ...mainlandCard, issueDate: '2016/03/08' })).toEqual(['issueDate:date.format'])
    expect(codesOf({ ...mainlandCard, issueDate: '2016-02-30' })).toEqual(['issueDate:date.impossible'])
  })

  it('checks country against the mainland flag both ways', () => {
    expect(codesOf({ ...mainlandCard, country: 'HKG' })).toEqual(['country:country.not-mainland'])
    expect(codesOf({ ...mainlandCard, country: 'XYZ', chineseMainland: false })).toEqual(['country:country.unknown'])
    expect(codesOf({ ...mainlandCard, chineseMainland: false, documentNumber: 'A1234567' })).toEqual([
      'chineseMainland:chinese-mainland.likely',
    ])
    const lower = validate({ ...mainlandCard, country: 'chn' })
    expect(lower.issues.map((i) => i.code)).toEqual(['not-normalized'])
    expect(lower.suggestions).toEqual([{ field: 'country', value: 'CHN', source: 'normalization' }])
  })

  it('fills a passport from its MRZ', () => {
    const result = validate({ mrz: chnPassportMrz, chineseMainland: true, issueDate: '2020-03-07' })
    expect(result.suggestions).toEqual([
      { field: 'documentType', value: 'passport', source: 'mrz' },
      { field: 'country', value: 'CHN', source: 'mrz' },
      { field: 'documentNumber', value: 'E12345678', source: 'mrz' },
      { field: 'birthday', value: '1990-03-07', source: 'mrz' },
      { field: 'gender', value: 'male', source: 'mrz' },
      { field: 'validity', value: { kind: 'until', expiryDate: '2030-03-06' }, source: 'mrz' },
      { field: 'surname', value: 'ZHANG', source: 'mrz' },
      { field: 'givenName', value: 'SAN', source: 'mrz' },
    ])
    expect(validate({ ...chnPassport, mrz: chnPassportMrz })).toMatchObject({ status: 'complete', issues: [], suggestions: [] })
  })

  it('rejects data that contradicts the MRZ, and only warns on names', () => {
    const result = validate({ ...chnPassport, documentNumber: 'E12345679', gender: 'female', surname: 'CHANG', mrz: chnPassportMrz })
    expect(result.issues.map((i) => `${i.field}:${i.code}:${i.severity}`)).toEqual([
      'documentNumber:mrz.mismatch:error',
      'gender:mrz.mismatch:error',
      'surname:mrz.name-mismatch:warning',
    ])
    expect(codesOf({ ...chnPassport, surname: '张', givenName: '三', mrz: chnPassportMrz })).toEqual([])
  })

  it('reports an MRZ that fails its checks and fills nothing from it', () => {
    const broken = chnPassportMrz.replace('E123456782', 'E123456783')
    const result = validate({ ...chnPassport, mrz: broken })
    expect(result.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['mrz:mrz.check-digit', 'mrz:mrz.check-digit'])
    expect(result.suggestions).toEqual([])
  })

  it('refuses long-term passports and names without letters', () => {
    expect(codesOf({ ...chnPassport, validity: { kind: 'long-term' } })).toEqual(['validity:validity.long-term-not-allowed'])
    expect(codesOf({ ...chnPassport, givenName: '--' })).toEqual(['givenName:name.separator-position'])
  })
})
