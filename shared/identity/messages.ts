import type { Locale } from './country-names'
import type { Issue, IssueCode, IssueField, IssueParamsMap } from './issues'
import type { MessageTable } from './message-types'
import { messagesEn } from './messages-en'
import { messagesZhCn } from './messages-zh-cn'

const tables: Record<Locale, MessageTable> = { en: messagesEn, 'zh-CN': messagesZhCn }

export const fieldLabels: Record<IssueField, Record<Locale, string>> = {
  country: { en: 'Country/region', 'zh-CN': '国家/地区' },
  surname: { en: 'Surname', 'zh-CN': '姓' },
  givenName: { en: 'Given name', 'zh-CN': '名' },
  documentType: { en: 'Document type', 'zh-CN': '证件类型' },
  documentNumber: { en: 'Document number', 'zh-CN': '证件号码' },
  birthday: { en: 'Date of birth', 'zh-CN': '出生日期' },
  gender: { en: 'Gender', 'zh-CN': '性别' },
  chineseMainland: { en: 'Chinese mainland document', 'zh-CN': '中国大陆证件' },
  issueDate: { en: 'Issue date', 'zh-CN': '签发日期' },
  validity: { en: 'Validity', 'zh-CN': '有效期' },
  expiryDate: { en: 'Expiry date', 'zh-CN': '有效期截止日期' },
  mrz: { en: 'MRZ', 'zh-CN': '机读区（MRZ）' },
  uid: { en: 'Platform uid', 'zh-CN': '平台用户 ID' },
}

/** Resident ID number rules speak of the number by its own name, as the card and the operator do. */
const idNumberLabel: Record<Locale, string> = { en: 'ID number', 'zh-CN': '身份证号码' }

const separator: Record<Locale, string> = { en: ': ', 'zh-CN': '：' }

export function issueSubject(found: Issue, locale: Locale): string {
  return found.code.startsWith('cn-id.') ? idNumberLabel[locale] : fieldLabels[found.field][locale]
}

function body<C extends IssueCode>(code: C, params: IssueParamsMap[C], locale: Locale): string {
  return tables[locale][code](params)
}

/** A sentence naming the field, e.g. "ID number: check character should be X, not 3 …". */
export function describeIssue(found: Issue, locale: Locale): string {
  return `${issueSubject(found, locale)}${separator[locale]}${body(found.code, found.params, locale)}`
}
