/**
 * The 56 ethnic groups of GB 3304-1991, by code. Resident cards store the code; the vendor web
 * services often send only the name, so both directions are needed. Codes beyond 56 (其他, 外国血统)
 * differ between vendors and are shown raw and flagged.
 */
export const ethnicityNames = [
  '汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯',
  '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴',
  '珞巴', '基诺',
] as const

export function ethnicityNameOf(code: string): string | null {
  if (!/^\d{2}$/.test(code)) return null
  return ethnicityNames[Number(code) - 1] ?? null
}

/** The code for a name as a vendor service spells it, with or without the trailing 族. */
export function ethnicityCodeOf(name: string): string | null {
  const bare = name.trim().replace(/族$/u, '')
  const index = ethnicityNames.findIndex((known) => known === bare)
  return index < 0 ? null : String(index + 1).padStart(2, '0')
}

export function isEthnicityCode(code: string): boolean {
  return ethnicityNameOf(code) !== null
}
