import { describe, expect, it } from 'vitest'
import type { BindingIssue } from '../../shared/identity'
import { issue, issueCodes } from '../../shared/identity/issues'
import { sampleIssue } from '../../shared/identity/test-fixtures/issue-samples'
import type { MessageLocale } from '../../shared/i18n'
import { wordBindingIssue, wordIdentityIssue } from '../../shared/i18n/issue-words'
import type { Words } from '../../shared/i18n/word-reason'
import { wordReason } from './words'

/** The command line's wording; the screens word through the same tables with vue-i18n's `t` (useIssueWords). */
const words = (locale: MessageLocale): Words => ({ word: (reason) => wordReason(reason, locale), locale })
const identity = (found: Parameters<typeof wordIdentityIssue>[0], locale: MessageLocale) => wordIdentityIssue(found, words(locale))
const binding = (found: BindingIssue, locale: MessageLocale) => wordBindingIssue(found, words(locale))

/** A key no table knows comes back as itself: a sentence holding one has a gap. */
const unworded = /\b(identityIssue|identityWord|bindingIssue|field)\.[\w.-]+/

describe('identity issues, worded from shared/i18n', () => {
  it.each(issueCodes)('%s reads as a whole sentence in en and zh-CN, naming the field', (code) => {
    const found = sampleIssue(code)
    const label = code.startsWith('cn-id.') ? { en: 'ID number', zh: '身份证号码' } : null
    const en = identity(found, 'en')
    const zh = identity(found, 'zh-CN')
    const enPrefix = `${label?.en ?? wordReason({ key: `field.${found.field}` }, 'en')}: `
    const zhPrefix = `${label?.zh ?? wordReason({ key: `field.${found.field}` }, 'zh-CN')}：`
    expect(en.startsWith(enPrefix) && en.length > enPrefix.length + 1).toBe(true)
    expect(zh.startsWith(zhPrefix) && zh.length > zhPrefix.length + 1).toBe(true)
    for (const text of [en, zh]) expect(text).not.toMatch(/undefined|null|NaN|\[object|\{\w+\}/)
    for (const text of [en, zh]) expect(text).not.toMatch(unworded)
    expect(en).not.toMatch(/\p{Script=Han}/u)
    expect(zh).toMatch(/\p{Script=Han}/u)
    expect(zh).not.toBe(en)
  })

  it('say exactly what is wrong with an ID number', () => {
    const found = issue('documentNumber', 'cn-id.check-character', { expected: 'X', actual: '3' })
    expect(identity(found, 'en')).toBe('ID number: check character should be X, not 3 — if the card shows 3, another digit is mistyped')
    expect(identity(found, 'zh-CN')).toBe('身份证号码：校验位应为 X，而不是 3；如证件上确为 3，则是其他数字输错了')
  })

  it('word genders, countries, lists, validity and chip cards in each language', () => {
    expect(identity(issue('gender', 'gender.mismatch-id-number', { fromIdNumber: 'female', entered: 'male' }), 'zh-CN')).toBe(
      '性别：身份证号码显示为女，而不是男',
    )
    expect(identity(issue('country', 'country.not-mainland', { country: 'HKG' }), 'en')).toBe(
      'Country/region: a Chinese mainland document is from CHN (China), not HKG (Hong Kong, China)',
    )
    expect(identity(issue('country', 'country.not-mainland', { country: 'HKG' }), 'zh-CN')).toBe(
      '国家/地区：中国大陆证件的国家/地区应为 CHN（中国），而不是 HKG（中国香港）',
    )
    expect(identity(sampleIssue('validity.legal-period-mismatch'), 'en')).toContain(
      'a card issued at age 30 is valid for 20 years, until 2035-03-01, but this one runs until 2030-03-01',
    )
    expect(identity(issue('mrz', 'mrz.check-digit', { digit: 'birth-date', expected: '2', actual: '3' }), 'zh-CN')).toBe(
      '机读区（MRZ）：出生日期校验位应为 2，而不是 3；机读区读取或输入有误',
    )
    expect(identity(issue('surname', 'name.invalid-characters', { characters: ['@', '1'] }), 'zh-CN')).toMatch(/^姓：不能包含“@”、“1”；/)
    expect(identity(issue('surname', 'name.invalid-characters', { characters: ['@', '1'] }), 'en')).toMatch(/^Surname: “@”, “1” not allowed;/)
    expect(identity(issue('mrz', 'mrz.unrecognized-format', { lineLengths: [] }), 'en')).toMatch(/^MRZ: no lines match no MRZ format/)
    expect(identity(issue('mrz', 'mrz.mismatch', { fromMrz: { kind: 'validity', validity: { kind: 'long-term' } }, entered: { kind: 'text', text: '2030-01-01' } }), 'zh-CN')).toBe(
      '机读区（MRZ）：机读区为 长期，而不是 2030-01-01',
    )
    expect(identity(issue('documentType', 'chip.permit-number', { kind: 'foreign-2023', problem: 'check-character' }), 'en')).toBe(
      "Document type: the foreigner's permanent residence card (2023) number has a wrong check character",
    )
    expect(identity(issue('documentNumber', 'document-number.format', { format: 'id-card' }), 'zh-CN')).toBe(
      '证件号码：身份证件号码应为 4 到 32 位字母（A-Z）、数字、括号、连字符或斜杠',
    )
  })
})

describe('account-binding issues, worded from shared/i18n', () => {
  it('name the field in both languages', () => {
    const found: BindingIssue = { field: 'uid', code: 'uid.leading-zero' }
    expect(binding(found, 'en')).toBe('Platform uid: must not start with 0')
    expect(binding(found, 'zh-CN')).toBe('平台用户 ID：不能以 0 开头')
  })

  it('keep the literal braces of the binding code format and give the limits as values', () => {
    expect(binding({ field: 'binding', code: 'binding.unrecognized' }, 'en')).toBe(
      'Account binding: not a binding code: expected {"uid":…,"token":…} or kyc://bind?uid=…&token=…; ask the customer to show the binding QR code again',
    )
    expect(binding({ field: 'uid', code: 'uid.too-long', length: 20, max: 19 }, 'zh-CN')).toBe('平台用户 ID：共 20 位，最多 19 位')
    expect(binding({ field: 'uid', code: 'uid.out-of-range' }, 'en')).toBe('Platform uid: larger than any platform uid can be (9223372036854775807)')
  })
})
