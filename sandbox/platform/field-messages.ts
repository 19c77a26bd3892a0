import type { z } from 'zod'
import type { Bilingual } from './status-codes'

/**
 * What can be wrong with one field, in both languages. Zod schemas carry these keys as their
 * issue messages (`tooLong:64` carries its limit), so every refusal names the field and the rule.
 */
const RULES: Record<string, (param: string) => Bilingual> = {
  required: () => ({ zh_CN: '不能为空', en_US: 'is required' }),
  string: () => ({ zh_CN: '必须是字符串', en_US: 'must be a string' }),
  integer: () => ({ zh_CN: '必须是整数', en_US: 'must be an integer' }),
  blank: () => ({ zh_CN: '不能只包含空白字符', en_US: 'must not be blank' }),
  tooLong: (max) => ({ zh_CN: `长度不能超过 ${max} 个字符`, en_US: `must be at most ${max} characters` }),
  oneOf: (values) => ({ zh_CN: `只能是 ${values.split(',').join(' 或 ')}`, en_US: `must be ${values.split(',').join(' or ')}` }),
  gender: () => ({ zh_CN: '只能是 1（男）或 2（女）', en_US: 'must be 1 (male) or 2 (female)' }),
  currentLocation: () => ({ zh_CN: '只能是 1（身份证）或 2（护照）', en_US: 'must be 1 (resident identity card) or 2 (passport)' }),
  source: () => ({ zh_CN: '只能是 1（web）或 2（app）', en_US: 'must be 1 (web) or 2 (app)' }),
  date: () => ({ zh_CN: '必须是 YYYY-MM-DD 格式的有效日期', en_US: 'must be a valid date written YYYY-MM-DD' }),
  country: () => ({ zh_CN: '必须是 ISO 3166-1 三位字母国家代码，例如 CHN', en_US: 'must be an ISO 3166-1 alpha-3 code such as CHN' }),
  uid: () => ({
    zh_CN: '必须是 1 到 19 位数字、不以 0 开头，且不超过 9223372036854775807',
    en_US: 'must be 1 to 19 digits with no leading zero, at most 9223372036854775807',
  }),
  local: () => ({ zh_CN: '只能是 zh_CN 或 en_US', en_US: 'must be zh_CN or en_US' }),
  step: () => ({ zh_CN: '只能是 1、2、3 或 4', en_US: 'must be 1, 2, 3 or 4' }),
  idFormat: () => ({
    zh_CN: '必须是 18 位居民身份号码：17 位数字加 1 位校验码（0-9 或大写 X）',
    en_US: 'must be an 18-character resident identity number: 17 digits and a check character (0-9 or upper-case X)',
  }),
  idRegion: () => ({ zh_CN: '的地址码无效', en_US: 'has an invalid address code (first six digits)' }),
  idChecksum: () => ({ zh_CN: '校验码错误（GB 11643）', en_US: 'has a wrong check character (GB 11643)' }),
  idBirthday: () => ({ zh_CN: '中的出生日期与 birthday 不一致', en_US: 'does not contain the same date of birth as birthday' }),
  idGender: () => ({ zh_CN: '中的顺序码与 gender 不一致', en_US: 'has a sequence code that does not match gender' }),
  documentNumber: () => ({
    zh_CN: '必须是 4 到 32 位字母、数字、括号或连字符',
    en_US: 'must be 4 to 32 letters, digits, parentheses or hyphens',
  }),
  chinaNeedsChn: () => ({ zh_CN: '在 isChina=1 时必须是 CHN', en_US: 'must be CHN when isChina=1' }),
  birthdayRange: () => ({ zh_CN: '必须在 1900-01-01 与今天之间', en_US: 'must be between 1900-01-01 and today' }),
  issueRange: () => ({ zh_CN: '不能早于出生日期，也不能晚于今天', en_US: 'must be on or after birthday and not after today' }),
  emptyWhenLongTerm: () => ({ zh_CN: '在 isAllTime=1（长期有效）时必须为空字符串', en_US: 'must be an empty string when isAllTime=1 (valid for life)' }),
  requiredWhenDated: () => ({ zh_CN: '在 isAllTime=0 时不能为空', en_US: 'is required when isAllTime=0' }),
  expiryAfterIssue: () => ({ zh_CN: '必须晚于签发日期 singnTime', en_US: 'must be after the issue date singnTime' }),
  expired: () => ({ zh_CN: '表明证件已过期', en_US: 'shows the document has expired' }),
  isChinaMismatch: (expected) => ({ zh_CN: `与第 1 步提交的 isChina=${expected} 不一致`, en_US: `does not match isChina=${expected} sent in step 1` }),
  imageReference: () => ({
    zh_CN: '必须是存储桶中的对象名，或指向该对象的 URL',
    en_US: 'must be an object key in the bucket, or a URL of that object',
  }),
  duplicateImage: (other) => ({ zh_CN: `不能与 ${other} 是同一张图片`, en_US: `must not be the same image as ${other}` }),
}

export interface FieldProblem {
  field: string
  rule: string
}

/** `rule` is a key of the table above, optionally `key:param`. */
export function describeFieldProblem({ field, rule }: FieldProblem): Bilingual {
  const separator = rule.indexOf(':')
  const name = separator === -1 ? rule : rule.slice(0, separator)
  const param = separator === -1 ? '' : rule.slice(separator + 1)
  const text = (RULES[name] ?? (() => ({ zh_CN: '无效', en_US: 'is invalid' })))(param)
  return { zh_CN: `参数错误：${field} ${text.zh_CN}`, en_US: `Invalid parameter: ${field} ${text.en_US}` }
}

/** The first problem zod found, as a field and rule key. */
export function firstProblem(error: z.ZodError): FieldProblem {
  const issue = error.issues[0]
  const field = issue?.path.map(String).join('.') || 'body'
  return { field, rule: issue?.message ?? 'invalid' }
}
