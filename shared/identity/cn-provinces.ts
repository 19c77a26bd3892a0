/**
 * Province-level codes (GB/T 2260) that open an 18-digit mainland resident ID number: the address
 * code of the holder's first registration. Numbers are never reissued when borders change, so
 * codes that lost territory (44 Guangdong before Hainan, 51 Sichuan before Chongqing) stay valid.
 */
export const cnProvinceCodes = {
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
} as const satisfies Record<string, string>

export type CnProvinceCode = keyof typeof cnProvinceCodes

export function isCnProvinceCode(code: string): code is CnProvinceCode {
  return Object.hasOwn(cnProvinceCodes, code)
}

/**
 * Residence permits for Hong Kong, Macao and Taiwan residents use the same 18-digit scheme with
 * these address codes. They are a different document from a mainland resident ID card, so they are
 * named rather than reported as an unknown region.
 */
export const residencePermitRegions = { '81': 'HKG', '82': 'MAC', '83': 'TWN' } as const
export type ResidencePermitRegion = (typeof residencePermitRegions)[keyof typeof residencePermitRegions]

export function residencePermitRegion(code: string): ResidencePermitRegion | null {
  return Object.hasOwn(residencePermitRegions, code)
    ? residencePermitRegions[code as keyof typeof residencePermitRegions]
    : null
}
