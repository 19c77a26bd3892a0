/**
 * The manifest's columns. English headers are exactly these names (any case, trimmed); each also
 * has Chinese aliases, as branch staff write them in Excel. The README lists `manifestHeaderAliases`.
 * Ambiguous words are left out on purpose: 名字 and 姓名 usually mean the full name, 地区 a
 * province, 国籍 a nationality that need not be the document's country.
 */
export const manifestFields = [
  'uid',
  'token',
  'country',
  'surname',
  'givenName',
  'documentType',
  'documentNumber',
  'birthday',
  'gender',
  'isChina',
  'issueDate',
  'expiryDate',
  'longTerm',
  'front',
  'back',
  'hand',
] as const
export type ManifestField = (typeof manifestFields)[number]

export const manifestHeaderAliases: Readonly<Record<ManifestField, readonly string[]>> = {
  uid: ['用户ID', '平台用户ID', '用户编号'],
  token: ['令牌', '绑定令牌', '授权令牌'],
  country: ['国家/地区', '国家或地区', '国家', '证件国家'],
  surname: ['姓', '姓氏'],
  givenName: ['名'],
  documentType: ['证件类型'],
  documentNumber: ['证件号码', '证件号', '身份证号码', '身份证号', '护照号码'],
  birthday: ['出生日期', '生日'],
  gender: ['性别'],
  isChina: ['是否中国大陆', '是否中国大陆证件', '中国大陆证件', '是否大陆证件'],
  issueDate: ['签发日期', '发证日期'],
  expiryDate: ['有效期至', '有效期截止日期', '到期日期', '失效日期'],
  longTerm: ['长期有效', '是否长期有效'],
  front: ['正面', '证件正面', '正面照片'],
  back: ['背面', '证件背面', '背面照片'],
  hand: ['手持', '手持证件照', '手持照片'],
}

/**
 * Header text as compared: NFKC (a full-width `ＵＩＤ` or `国家／地区` from a Chinese IME is the
 * plain one), trimmed, lower case. A BOM that survived decoding is dropped too.
 */
export function normalizeHeader(text: string): string {
  return text.replace(/^\uFEFF/, '').normalize('NFKC').trim().toLowerCase()
}

const lookup = new Map<string, ManifestField>(
  manifestFields.flatMap((field) => [field, ...manifestHeaderAliases[field]].map((name) => [normalizeHeader(name), field] as const)),
)

export interface HeaderMap {
  /** Cell index of each field. */
  readonly columns: Readonly<Record<ManifestField, number>>
  /** Headers that name no field, as written; reported, their cells ignored. */
  readonly unknown: readonly string[]
}

export type HeaderProblem =
  | { code: 'manifest.missing-columns'; fields: ManifestField[] }
  | { code: 'manifest.duplicate-column'; field: ManifestField; headers: [string, string] }

export function resolveHeaders(headers: readonly string[]): { ok: true; map: HeaderMap } | { ok: false; problem: HeaderProblem } {
  const columns = new Map<ManifestField, { index: number; header: string }>()
  const unknown: string[] = []
  for (const [index, header] of headers.entries()) {
    const key = normalizeHeader(header)
    if (key === '') continue
    const field = lookup.get(key)
    if (field === undefined) {
      unknown.push(header.trim())
      continue
    }
    const earlier = columns.get(field)
    if (earlier) return { ok: false, problem: { code: 'manifest.duplicate-column', field, headers: [earlier.header, header.trim()] } }
    columns.set(field, { index, header: header.trim() })
  }
  const missing = manifestFields.filter((f) => !columns.has(f))
  if (missing.length > 0) return { ok: false, problem: { code: 'manifest.missing-columns', fields: missing } }
  const indexes = Object.fromEntries([...columns].map(([field, { index }]) => [field, index])) as Record<ManifestField, number>
  return { ok: true, map: { columns: indexes, unknown } }
}
