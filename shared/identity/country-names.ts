import isoCountries from 'i18n-iso-countries'
import englishNames from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import chineseNames from 'i18n-iso-countries/langs/zh.json' with { type: 'json' }
import { states } from 'mrz'
import { countryCodes, type CountryCode } from './countries'

isoCountries.registerLocale(englishNames)
isoCountries.registerLocale(chineseNames)

export type Locale = 'zh-CN' | 'en'

/**
 * Names for the countries a branch in mainland China sees most. Hong Kong, Macao and Taiwan are
 * named as regions of China, as GB/T 2659 and mainland banking systems do. Codes not listed are
 * named from CLDR's data in the operator's language (i18n-iso-countries), so a Chinese picker
 * shows no English name; the ICAO state list shipped with `mrz` is the last resort.
 */
const commonNames: Partial<Record<CountryCode, { readonly 'zh-CN': string; readonly en: string }>> = {
  CHN: { 'zh-CN': '中国', en: 'China' },
  HKG: { 'zh-CN': '中国香港', en: 'Hong Kong, China' },
  MAC: { 'zh-CN': '中国澳门', en: 'Macao, China' },
  TWN: { 'zh-CN': '中国台湾', en: 'Taiwan, China' },
  USA: { 'zh-CN': '美国', en: 'United States' },
  GBR: { 'zh-CN': '英国', en: 'United Kingdom' },
  JPN: { 'zh-CN': '日本', en: 'Japan' },
  KOR: { 'zh-CN': '韩国', en: 'Republic of Korea' },
  PRK: { 'zh-CN': '朝鲜', en: "Democratic People's Republic of Korea" },
  SGP: { 'zh-CN': '新加坡', en: 'Singapore' },
  MYS: { 'zh-CN': '马来西亚', en: 'Malaysia' },
  THA: { 'zh-CN': '泰国', en: 'Thailand' },
  VNM: { 'zh-CN': '越南', en: 'Viet Nam' },
  PHL: { 'zh-CN': '菲律宾', en: 'Philippines' },
  IDN: { 'zh-CN': '印度尼西亚', en: 'Indonesia' },
  MMR: { 'zh-CN': '缅甸', en: 'Myanmar' },
  KHM: { 'zh-CN': '柬埔寨', en: 'Cambodia' },
  LAO: { 'zh-CN': '老挝', en: 'Laos' },
  BRN: { 'zh-CN': '文莱', en: 'Brunei' },
  TLS: { 'zh-CN': '东帝汶', en: 'Timor-Leste' },
  MNG: { 'zh-CN': '蒙古', en: 'Mongolia' },
  IND: { 'zh-CN': '印度', en: 'India' },
  PAK: { 'zh-CN': '巴基斯坦', en: 'Pakistan' },
  BGD: { 'zh-CN': '孟加拉国', en: 'Bangladesh' },
  NPL: { 'zh-CN': '尼泊尔', en: 'Nepal' },
  LKA: { 'zh-CN': '斯里兰卡', en: 'Sri Lanka' },
  MDV: { 'zh-CN': '马尔代夫', en: 'Maldives' },
  BTN: { 'zh-CN': '不丹', en: 'Bhutan' },
  AFG: { 'zh-CN': '阿富汗', en: 'Afghanistan' },
  KAZ: { 'zh-CN': '哈萨克斯坦', en: 'Kazakhstan' },
  KGZ: { 'zh-CN': '吉尔吉斯斯坦', en: 'Kyrgyzstan' },
  TJK: { 'zh-CN': '塔吉克斯坦', en: 'Tajikistan' },
  UZB: { 'zh-CN': '乌兹别克斯坦', en: 'Uzbekistan' },
  TKM: { 'zh-CN': '土库曼斯坦', en: 'Turkmenistan' },
  RUS: { 'zh-CN': '俄罗斯', en: 'Russian Federation' },
  UKR: { 'zh-CN': '乌克兰', en: 'Ukraine' },
  BLR: { 'zh-CN': '白俄罗斯', en: 'Belarus' },
  TUR: { 'zh-CN': '土耳其', en: 'Türkiye' },
  IRN: { 'zh-CN': '伊朗', en: 'Iran' },
  IRQ: { 'zh-CN': '伊拉克', en: 'Iraq' },
  SAU: { 'zh-CN': '沙特阿拉伯', en: 'Saudi Arabia' },
  ARE: { 'zh-CN': '阿联酋', en: 'United Arab Emirates' },
  QAT: { 'zh-CN': '卡塔尔', en: 'Qatar' },
  KWT: { 'zh-CN': '科威特', en: 'Kuwait' },
  ISR: { 'zh-CN': '以色列', en: 'Israel' },
  JOR: { 'zh-CN': '约旦', en: 'Jordan' },
  EGY: { 'zh-CN': '埃及', en: 'Egypt' },
  ZAF: { 'zh-CN': '南非', en: 'South Africa' },
  NGA: { 'zh-CN': '尼日利亚', en: 'Nigeria' },
  KEN: { 'zh-CN': '肯尼亚', en: 'Kenya' },
  ETH: { 'zh-CN': '埃塞俄比亚', en: 'Ethiopia' },
  DEU: { 'zh-CN': '德国', en: 'Germany' },
  FRA: { 'zh-CN': '法国', en: 'France' },
  ITA: { 'zh-CN': '意大利', en: 'Italy' },
  ESP: { 'zh-CN': '西班牙', en: 'Spain' },
  PRT: { 'zh-CN': '葡萄牙', en: 'Portugal' },
  NLD: { 'zh-CN': '荷兰', en: 'Netherlands' },
  BEL: { 'zh-CN': '比利时', en: 'Belgium' },
  CHE: { 'zh-CN': '瑞士', en: 'Switzerland' },
  AUT: { 'zh-CN': '奥地利', en: 'Austria' },
  SWE: { 'zh-CN': '瑞典', en: 'Sweden' },
  NOR: { 'zh-CN': '挪威', en: 'Norway' },
  DNK: { 'zh-CN': '丹麦', en: 'Denmark' },
  FIN: { 'zh-CN': '芬兰', en: 'Finland' },
  IRL: { 'zh-CN': '爱尔兰', en: 'Ireland' },
  POL: { 'zh-CN': '波兰', en: 'Poland' },
  CZE: { 'zh-CN': '捷克', en: 'Czechia' },
  HUN: { 'zh-CN': '匈牙利', en: 'Hungary' },
  GRC: { 'zh-CN': '希腊', en: 'Greece' },
  ROU: { 'zh-CN': '罗马尼亚', en: 'Romania' },
  LUX: { 'zh-CN': '卢森堡', en: 'Luxembourg' },
  CAN: { 'zh-CN': '加拿大', en: 'Canada' },
  MEX: { 'zh-CN': '墨西哥', en: 'Mexico' },
  BRA: { 'zh-CN': '巴西', en: 'Brazil' },
  ARG: { 'zh-CN': '阿根廷', en: 'Argentina' },
  CHL: { 'zh-CN': '智利', en: 'Chile' },
  PER: { 'zh-CN': '秘鲁', en: 'Peru' },
  COL: { 'zh-CN': '哥伦比亚', en: 'Colombia' },
  AUS: { 'zh-CN': '澳大利亚', en: 'Australia' },
  NZL: { 'zh-CN': '新西兰', en: 'New Zealand' },
}

/** Shown first in a picker: most applicants at a mainland branch hold one of these. */
export const pinnedCountryCodes = ['CHN', 'HKG', 'MAC', 'TWN'] as const satisfies readonly CountryCode[]

export function countryName(code: CountryCode, locale: Locale): string {
  const named = commonNames[code]
  if (named) return named[locale]
  const fromCldr = isoCountries.getName(code, locale === 'zh-CN' ? 'zh' : 'en')
  if (fromCldr) return fromCldr
  // The ICAO list writes some names as "Bahamas (the)"; the article adds nothing in a picker.
  return (states[code] ?? code).replace(/ \(the\)$/, '')
}

export interface CountryOption {
  code: CountryCode
  name: string
}

/** Every code for a picker: the pinned ones first, then the rest by name in the locale's collation. */
export function countryOptions(locale: Locale): CountryOption[] {
  const pinned: readonly string[] = pinnedCountryCodes
  const collator = new Intl.Collator(locale)
  const rest = countryCodes
    .filter((code) => !pinned.includes(code))
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.name, b.name))
  return [...pinnedCountryCodes.map((code) => ({ code, name: countryName(code, locale) })), ...rest]
}
