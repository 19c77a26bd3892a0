import { describe, expect, it } from 'vitest'
import { issue, issueCatalog, issueCodes, issueSchema, type IssueCode, type IssueParamsMap } from './issues'
import { describeIssue, fieldLabels } from './messages'
import { messagesEn } from './messages-en'
import { messagesZhCn } from './messages-zh-cn'

/** One sample per code; the mapped type makes a missing code a compile error, the loop below a test failure. */
const samples: { [C in IssueCode]: IssueParamsMap[C] } = {
  required: {},
  'too-long': { max: 64, length: 70 },
  'not-normalized': { suggested: 'E12345678' },
  'date.format': { value: '1990/1/2' },
  'date.impossible': { value: '2023-02-30' },
  'date.future': { value: '2030-01-01', today: '2025-06-01' },
  'country.unknown': { value: 'XYZ' },
  'country.not-mainland': { country: 'HKG' },
  'chinese-mainland.likely': {},
  'name.invalid-characters': { characters: ['@', '1'] },
  'name.separator-position': {},
  'name.mixed-scripts': {},
  'uid.format': {},
  'uid.out-of-range': {},
  'document-number.format': { format: 'passport' },
  'document-number.unusual-cn-passport': {},
  'cn-id.legacy-15-digit': {},
  'cn-id.length': { length: 17 },
  'cn-id.characters': {},
  'cn-id.region': { code: '99' },
  'cn-id.residence-permit': { region: 'MAC' },
  'cn-id.birth-date-invalid': { digits: '19490230' },
  'cn-id.birth-date-future': { birthday: '2030-01-01', today: '2025-06-01' },
  'cn-id.check-character': { expected: 'X', actual: '3' },
  'birthday.mismatch-id-number': { fromIdNumber: '1949-12-31', entered: '1949-12-13' },
  'gender.mismatch-id-number': { fromIdNumber: 'female', entered: 'male' },
  'birthday.implausible-age': { age: 130 },
  'issue-date.before-birth': { issueDate: '1980-01-01', birthday: '1990-01-01' },
  'issue-date.first-generation-cn-id': { issueDate: '2003-01-01' },
  'expiry-date.not-after-issue': { issueDate: '2020-01-01', expiryDate: '2020-01-01' },
  'expiry-date.expired': { expiryDate: '2024-01-01', today: '2025-06-01' },
  'validity.long-term-not-allowed': { documentType: 'passport' },
  'validity.legal-period-mismatch': {
    ageAtIssue: 30,
    expected: { kind: 'years', years: 20, expiryDate: '2035-03-01' },
    actual: { kind: 'until', expiryDate: '2030-03-01' },
  },
  'mrz.unrecognized-format': { lineLengths: [44, 43] },
  'mrz.unsupported-format': { format: 'TD2' },
  'mrz.invalid-characters': { characters: ['@'] },
  'mrz.check-digit': { digit: 'birth-date', expected: '2', actual: '3' },
  'mrz.invalid-field': { mrzField: 'issuing-state', value: 'UTO' },
  'mrz.state-not-iso': { code: 'XXA' },
  'mrz.mismatch': { fromMrz: { kind: 'gender', gender: 'male' }, entered: { kind: 'gender', gender: 'female' } },
  'mrz.name-mismatch': { fromMrz: 'ERIKSSON', entered: 'ERIKSON' },
  'chip.card-not-accepted': { kind: 'hmt-permit' },
  'chip.permit-number': { kind: 'foreign-2023', problem: 'check-character' },
  'chip.edited': { chipValue: '110101199503080021' },
  'chip.split-unconfirmed': { surname: 'GARCIA LOPEZ', givenName: 'MARIA FERNANDA' },
}

const sampleIssue = (code: IssueCode) => issue(code.startsWith('mrz.') ? 'mrz' : 'documentNumber', code, samples[code])

describe('messages', () => {
  it('exist in both locales for every issue code, and no more', () => {
    expect(Object.keys(messagesEn).sort()).toEqual([...issueCodes].sort())
    expect(Object.keys(messagesZhCn).sort()).toEqual([...issueCodes].sort())
    expect(Object.keys(samples).sort()).toEqual([...issueCodes].sort())
  })

  it.each(issueCodes)('%s reads as a whole sentence in en and zh-CN, naming the field', (code) => {
    expect(issueCatalog[code].params.safeParse(samples[code]).success).toBe(true)
    const found = sampleIssue(code)
    const en = describeIssue(found, 'en')
    const zh = describeIssue(found, 'zh-CN')
    const idNumber = code.startsWith('cn-id.')
    const enPrefix = `${idNumber ? 'ID number' : fieldLabels[found.field].en}: `
    const zhPrefix = `${idNumber ? '身份证号码' : fieldLabels[found.field]['zh-CN']}：`
    expect(en.startsWith(enPrefix) && en.length > enPrefix.length + 1).toBe(true)
    expect(zh.startsWith(zhPrefix) && zh.length > zhPrefix.length + 1).toBe(true)
    for (const text of [en, zh]) expect(text).not.toMatch(/undefined|null|NaN|\[object/)
    expect(en).not.toMatch(/\p{Script=Han}/u)
    expect(zh).toMatch(/\p{Script=Han}/u)
    expect(zh).not.toBe(en)
  })

  it('say exactly what is wrong with an ID number', () => {
    const found = issue('documentNumber', 'cn-id.check-character', { expected: 'X', actual: '3' })
    expect(describeIssue(found, 'en')).toBe(
      'ID number: check character should be X, not 3 — if the card shows 3, another digit is mistyped',
    )
    expect(describeIssue(found, 'zh-CN')).toBe('身份证号码：校验位应为 X，而不是 3；如证件上确为 3，则是其他数字输错了')
  })

  it('render genders, countries and validity in each locale', () => {
    expect(describeIssue(issue('gender', 'gender.mismatch-id-number', { fromIdNumber: 'female', entered: 'male' }), 'zh-CN')).toBe(
      '性别：身份证号码显示为女，而不是男',
    )
    expect(describeIssue(issue('country', 'country.not-mainland', { country: 'HKG' }), 'en')).toBe(
      'Country/region: a Chinese mainland document is from CHN (China), not HKG (Hong Kong, China)',
    )
    expect(describeIssue(sampleIssue('validity.legal-period-mismatch'), 'en')).toContain(
      'a card issued at age 30 is valid for 20 years, until 2035-03-01, but this one runs until 2030-03-01',
    )
    expect(describeIssue(issue('mrz', 'mrz.check-digit', { digit: 'birth-date', expected: '2', actual: '3' }), 'zh-CN')).toBe(
      '机读区（MRZ）：出生日期校验位应为 2，而不是 3；机读区读取或输入有误',
    )
  })
})

describe('issueSchema', () => {
  it('round-trips every issue, for the IPC contract', () => {
    for (const code of issueCodes) {
      const found = sampleIssue(code)
      expect(issueSchema.parse(JSON.parse(JSON.stringify(found)))).toEqual(found)
    }
  })

  it('rejects a severity the catalog does not give the code, and unknown codes', () => {
    expect(issueSchema.safeParse({ ...issue('validity', 'validity.legal-period-mismatch', samples['validity.legal-period-mismatch']), severity: 'error' }).success).toBe(false)
    expect(issueSchema.safeParse({ field: 'surname', code: 'no.such', severity: 'error', params: {} }).success).toBe(false)
    expect(issueSchema.safeParse({ field: 'surname', code: 'too-long', severity: 'error', params: { max: 'x' } }).success).toBe(false)
  })
})
