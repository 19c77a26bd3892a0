import type { ChipCardKind } from '../domain/id-card'
import type { Gender, Validity } from '../domain/identity'
import { isCountryCode } from './countries'
import { countryName } from './country-names'
import type { DisplayValue, ExpectedValidity, MrzCheckDigitName, MrzFieldName } from './issues'
import type { MessageTable } from './message-types'

const gender = (g: Gender): string => (g === 'male' ? '男' : '女')
const country = (code: string): string => (isCountryCode(code) ? `${code}（${countryName(code, 'zh-CN')}）` : code)
const quoted = (text: string): string => `“${text}”`
const chars = (list: readonly string[]): string => list.map(quoted).join('、')
const validity = (v: Validity): string => (v.kind === 'long-term' ? '长期' : v.expiryDate)

const checkDigits: Record<MrzCheckDigitName, string> = {
  'document-number': '证件号码',
  'birth-date': '出生日期',
  'expiry-date': '有效期',
  'personal-number': '个人号码',
  composite: '综合',
}
const mrzFields: Record<MrzFieldName, string> = {
  'document-code': '证件类型代码',
  'issuing-state': '签发国',
  'document-number': '证件号码',
  nationality: '国籍',
  'birth-date': '出生日期',
  sex: '性别',
  'expiry-date': '有效期',
  names: '姓名',
  'optional-data': '可选数据',
}

const chipCardNames: Record<ChipCardKind, string> = {
  resident: '居民身份证',
  'hmt-permit': '港澳台居民居住证',
  'foreign-2017': '外国人永久居留身份证（2017 版）',
  'foreign-2023': '外国人永久居留身份证（2023 版）',
}
const permitProblems = { format: '格式不正确', 'check-character': '校验位不正确', 'birth-date': '中的出生日期与芯片不一致' } as const

function display(value: DisplayValue): string {
  switch (value.kind) {
    case 'text':
      return value.text
    case 'gender':
      return gender(value.gender)
    case 'document-type':
      return value.documentType === 'passport' ? '护照' : '身份证件'
    case 'validity':
      return validity(value.validity)
  }
}

function expected(e: ExpectedValidity): string {
  return e.kind === 'long-term' ? '应为长期有效' : `有效期应为 ${e.years} 年，至 ${e.expiryDate}`
}

const actual = (v: Validity): string => (v.kind === 'long-term' ? '为长期有效' : `至 ${v.expiryDate}`)
const lineLengths = (lengths: readonly number[]): string =>
  lengths.length === 0 ? '没有内容' : `各行长度为 ${lengths.join('、')} 个字符`

const permitRegions = { HKG: '香港', MAC: '澳门', TWN: '台湾' } as const

export const messagesZhCn: MessageTable = {
  required: () => '必填',
  'too-long': (p) => `过长：${p.length} 个字符，最多 ${p.max} 个`,
  'not-normalized': (p) => `应写为${quoted(p.suggested)}`,
  'date.format': (p) => `${quoted(p.value)}不是 YYYY-MM-DD 格式的日期`,
  'date.impossible': (p) => `${p.value} 不是真实存在的日期`,
  'date.future': (p) => `${p.value} 晚于今天（${p.today}）`,

  'country.unknown': (p) => `${quoted(p.value)}不是 ISO 3166-1 三字母国家/地区代码`,
  'country.not-mainland': (p) => `中国大陆证件的国家/地区应为 ${country('CHN')}，而不是 ${country(p.country)}`,
  'chinese-mainland.likely': () => 'CHN 签发的身份证即大陆居民身份证，请标记为中国大陆证件',

  'name.invalid-characters': (p) =>
    `不能包含${chars(p.characters)}；只能使用汉字、拉丁字母、空格、连字符（-）、间隔号（·）或撇号（'）`,
  'name.separator-position': () => '空格、连字符、间隔号或撇号不能位于开头或结尾，也不能连续出现',
  'name.mixed-scripts': () => '同时包含汉字和拉丁字母，请核对是否与证件一致',

  'uid.format': () => '应为 1 到 19 位数字，且不能以 0 开头',
  'uid.out-of-range': () => '超出平台用户 ID 的最大值（9223372036854775807）',

  'document-number.format': (p) =>
    p.format === 'passport'
      ? '护照号码应为 5 到 15 位字母（A-Z）和数字'
      : '身份证件号码应为 4 到 32 位字母（A-Z）、数字、括号、连字符或斜杠',
  'document-number.unusual-cn-passport': () => '不像中国护照号码（共 9 位：1 或 2 个字母加数字，如 E12345678），请核对',

  'cn-id.legacy-15-digit': () => '15 位号码属于第一代身份证，已不是有效证件；请出示现行的 18 位身份证',
  'cn-id.length': (p) => `有 ${p.length} 位，应为 18 位`,
  'cn-id.characters': () => '应为 17 位数字加 1 位数字或 X',
  'cn-id.region': (p) => `前两位（${p.code}）不是省级行政区划代码`,
  'cn-id.residence-permit': (p) => `这是${permitRegions[p.region]}居民居住证的号码，不是大陆居民身份证`,
  'cn-id.birth-date-invalid': (p) => `第 7 至 14 位（${p.digits}）不是真实的出生日期`,
  'cn-id.birth-date-future': (p) => `其中的出生日期（${p.birthday}）晚于今天（${p.today}）`,
  'cn-id.check-character': (p) =>
    `校验位应为 ${p.expected}，而不是 ${p.actual}；如证件上确为 ${p.actual}，则是其他数字输错了`,

  'birthday.mismatch-id-number': (p) => `身份证号码显示为 ${p.fromIdNumber}，而不是 ${p.entered}`,
  'gender.mismatch-id-number': (p) => `身份证号码显示为${gender(p.fromIdNumber)}，而不是${gender(p.entered)}`,
  'birthday.implausible-age': (p) => `申请人将为 ${p.age} 岁，请核对`,

  'issue-date.before-birth': (p) => `${p.issueDate} 早于出生日期（${p.birthday}）`,
  'issue-date.first-generation-cn-id': (p) =>
    `${p.issueDate} 签发（早于 2004 年）的是第一代身份证，已于 2013 年停止使用，请核对日期`,
  'expiry-date.not-after-issue': (p) => `${p.expiryDate} 不晚于签发日期（${p.issueDate}）`,
  'expiry-date.expired': (p) => `证件已于 ${p.expiryDate} 过期（今天是 ${p.today}）`,
  'validity.long-term-not-allowed': () => '护照没有长期有效，请填写有效期截止日期',
  'validity.legal-period-mismatch': (p) =>
    `${p.ageAtIssue} 岁时签发的身份证${expected(p.expected)}，而此证${actual(p.actual)}；请核对证件，或填写原因后确认`,

  'mrz.unrecognized-format': (p) =>
    `${lineLengths(p.lineLengths)}，不符合任何机读区格式；身份证件为 3 行各 30 个字符，护照为 2 行各 44 个字符`,
  'mrz.unsupported-format': () => '不支持 TD2 格式（2 行各 36 个字符），请手工录入',
  'mrz.invalid-characters': (p) => `机读区中不能出现${chars(p.characters)}（只能是 A-Z、0-9 和 <）`,
  'mrz.check-digit': (p) => `${checkDigits[p.digit]}校验位应为 ${p.expected}，而不是 ${p.actual}；机读区读取或输入有误`,
  'mrz.invalid-field': (p) => `${mrzFields[p.mrzField]}字段${quoted(p.value)}无效`,
  'mrz.state-not-iso': (p) => `${p.code} 不是 ISO 国家代码（联合国、欧盟、无国籍或难民证件），请手工选择国家/地区`,
  'mrz.mismatch': (p) => `机读区为 ${display(p.fromMrz)}，而不是 ${display(p.entered)}`,
  'mrz.name-mismatch': (p) => `机读区为 ${p.fromMrz}，而不是 ${p.entered}；请核对拼写`,

  'chip.card-not-accepted': (p) => `${chipCardNames[p.kind]}已读取，但平台不接受此类证件作为居民身份证提交；请改用护照或港澳台居民身份证件办理`,
  'chip.permit-number': (p) => `${chipCardNames[p.kind]}号码${permitProblems[p.problem]}`,
  'chip.edited': (p) => `芯片读取的值为“${p.chipValue}”，修改芯片信息需填写原因`,
  'chip.split-unconfirmed': (p) => `请先确认姓名拆分（姓“${p.surname}”，名“${p.givenName}”）再加入队列`,
}
