/**
 * A chip holds one name; the platform wants surname (姓) and given name (名). The split is proposed
 * by the longest compound surname that opens the name, else its first character, and put to the
 * operator whenever that guess can be wrong: a name with `·` (transliterated minority names), more
 * than four characters, an opening that may be a double surname (张王某某), or a Latin name.
 */
const compoundSurnames = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤',
  '南宫', '西门', '轩辕', '百里', '呼延', '东郭', '闻人', '赫连', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '太叔', '申屠',
  '公羊', '仲孙', '钟离', '万俟', '司空', '鲜于', '闾丘', '亓官', '司寇', '子车', '颛孙', '壤驷', '公良', '漆雕', '乐正', '宰父',
  '谷梁', '拓跋', '夹谷', '段干', '第五', '梁丘', '左丘', '东门', '羊舌', '微生', '公西', '南门', '巫马', '公户',
])

/** Frequent single surnames: a four-character name opening with two of them may carry a double surname. */
const commonSurnames = new Set([...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'])

export type NameSplitReason = 'compound' | 'single' | 'middle-dot' | 'long' | 'ambiguous' | 'latin'

export interface NameSplit {
  /** What the split point moves over: characters of a Chinese name, words of a Latin one. */
  readonly units: readonly string[]
  /** Surname is `units[0..at)`, given name the rest. */
  readonly at: number
  readonly surname: string
  readonly givenName: string
  /** False: the operator confirms (or moves) the split before queueing. */
  readonly confident: boolean
  readonly reason: NameSplitReason
}

const han = /\p{Script=Han}/u

function isLatin(name: string): boolean {
  return !han.test(name)
}

export function unitsOf(name: string): string[] {
  return isLatin(name) ? name.split(/[\s,]+/).filter((word) => word !== '') : [...name.trim()]
}

/** The two parts for a split point (clamped so neither is empty); a `·` at the boundary goes. */
export function splitNameAt(name: string, at: number, reason: NameSplitReason, confident: boolean): NameSplit {
  const units = unitsOf(name)
  const point = Math.min(Math.max(at, 1), Math.max(units.length - 1, 1))
  const joiner = isLatin(name) ? ' ' : ''
  const trimDot = (part: string) => part.replace(/^·+|·+$/gu, '')
  return {
    units,
    at: point,
    surname: trimDot(units.slice(0, point).join(joiner)),
    givenName: trimDot(units.slice(point).join(joiner)),
    confident,
    reason,
  }
}

export function proposeNameSplit(name: string): NameSplit {
  const trimmed = name.trim()
  if (isLatin(trimmed)) {
    // Permanent residence cards write the surname first, often before a comma.
    const comma = trimmed.indexOf(',')
    const at = comma < 0 ? 1 : unitsOf(trimmed.slice(0, comma)).length
    return splitNameAt(trimmed, at, 'latin', false)
  }
  const chars = [...trimmed]
  const dot = chars.indexOf('·')
  if (dot > 0) return splitNameAt(trimmed, dot, 'middle-dot', false)
  const compound = compoundSurnames.has(chars.slice(0, 2).join('')) && chars.length > 2
  if (chars.length > 4) return splitNameAt(trimmed, compound ? 2 : 1, 'long', false)
  if (compound) return splitNameAt(trimmed, 2, 'compound', true)
  if (chars.length === 4 && commonSurnames.has(chars[0]!) && commonSurnames.has(chars[1]!)) {
    return splitNameAt(trimmed, 1, 'ambiguous', false)
  }
  return splitNameAt(trimmed, 1, 'single', true)
}

/** The name as the chip holds it, for comparing with what the form says now (separators ignored). */
export function sameName(chipName: string, surname: string, givenName: string): boolean {
  const bare = (value: string) => value.normalize('NFKC').replace(/[\s,·]/gu, '').toUpperCase()
  return bare(chipName) === bare(`${surname}${givenName}`)
}
