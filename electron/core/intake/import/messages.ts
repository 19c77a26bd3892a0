import type { Locale } from '../../../../shared/identity'
import type { ManifestField } from './fields'
import type { ManifestIssue, Messages, ProblemField, RowIssue } from './problems'

type Texts<U extends { code: string }> = { [C in U['code']]: Record<Locale, (issue: Extract<U, { code: C }>) => string> }

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
const q = (text: string) => `“${text}”`

const columnNames: Record<ManifestField, string> = {
  uid: '用户ID',
  token: '令牌',
  country: '国家/地区',
  surname: '姓',
  givenName: '名',
  documentType: '证件类型',
  documentNumber: '证件号码',
  birthday: '出生日期',
  gender: '性别',
  isChina: '是否中国大陆',
  issueDate: '签发日期',
  expiryDate: '有效期至',
  longTerm: '长期有效',
  front: '正面',
  back: '背面',
  hand: '手持',
}

const rowTexts: Texts<RowIssue> = {
  'value.document-type': { en: (i) => `${q(i.value)} is not id_card or passport (身份证/护照)`, 'zh-CN': (i) => `${q(i.value)}不是 id_card 或 passport（身份证/护照）` },
  'value.gender': { en: (i) => `${q(i.value)} is not M, F, 1, 2, 男 or 女`, 'zh-CN': (i) => `${q(i.value)}不是 M、F、1、2、男 或 女` },
  'value.flag': { en: (i) => `${q(i.value)} is not 0 or 1`, 'zh-CN': (i) => `${q(i.value)}不是 0 或 1` },
  'value.date': {
    en: (i) => `${q(i.value)} is not a date; write YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD`,
    'zh-CN': (i) => `${q(i.value)}不是日期；请写成 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD`,
  },
  'value.excel-number': {
    en: (i) => `Excel stored this as a number (${i.shown}) and dropped digits; format the column as Text and type it again`,
    'zh-CN': (i) => `Excel 将其存为数字（${i.shown}），末尾数字已丢失；请将该列设为“文本”格式后重新输入`,
  },
  'value.excel-error': { en: (i) => `the cell shows the Excel error ${i.error}`, 'zh-CN': (i) => `单元格为 Excel 错误值 ${i.error}` },
  'file.absolute': {
    en: (i) => `${q(i.name)} is an absolute path; give the file name under the images folder`,
    'zh-CN': (i) => `${q(i.name)}是绝对路径；请填写图片文件夹中的文件名`,
  },
  'file.traversal': { en: (i) => `${q(i.name)} points outside the images folder`, 'zh-CN': (i) => `${q(i.name)}指向图片文件夹之外` },
  'file.outside': {
    en: (i) => `${q(i.name)} is a link to a file outside the images folder`,
    'zh-CN': (i) => `${q(i.name)}是指向图片文件夹之外的链接`,
  },
  'file.not-found': { en: (i) => `no file ${q(i.name)} in the images folder`, 'zh-CN': (i) => `图片文件夹中没有文件${q(i.name)}` },
  'file.not-a-file': { en: (i) => `${q(i.name)} is a folder, not a file`, 'zh-CN': (i) => `${q(i.name)}是文件夹，不是文件` },
  'file.too-large': {
    en: (i) => `${q(i.name)} is ${mb(i.bytes)} MB, over the ${mb(i.maxBytes)} MB limit`,
    'zh-CN': (i) => `${q(i.name)}大小为 ${mb(i.bytes)} MB，超过上限 ${mb(i.maxBytes)} MB`,
  },
  'file.unreadable': { en: (i) => `${q(i.name)} cannot be read (${i.detail})`, 'zh-CN': (i) => `无法读取${q(i.name)}（${i.detail}）` },
  'file.reused': {
    en: (i) => `${q(i.name)} is also used by row ${i.row}; each applicant needs their own images`,
    'zh-CN': (i) => `${q(i.name)}也被第 ${i.row} 行使用；每位申请人须使用自己的图片`,
  },
  'file.required': { en: () => 'missing: name the image file', 'zh-CN': () => '缺失：请填写图片文件名' },
  'cells.extra': {
    en: (i) => `the row has ${i.count} cells but the header has ${i.expected}; look for an unquoted comma`,
    'zh-CN': (i) => `该行有 ${i.count} 个单元格，表头只有 ${i.expected} 列；请检查是否有未加引号的逗号`,
  },
  'cells.missing': {
    en: (i) => `the row has ${i.count} cells but the header has ${i.expected}; look for a missing comma or a line break`,
    'zh-CN': (i) => `该行只有 ${i.count} 个单元格，表头有 ${i.expected} 列；请检查是否缺少逗号或有多余换行`,
  },
  'validity.conflict': {
    en: () => 'longTerm is 1 but an expiry date is given; leave one of them empty',
    'zh-CN': () => '“长期有效”为 1，但又填写了有效期截止日期；请只保留其一',
  },
  'row.duplicate-document': {
    en: (i) => `the same document number as row ${i.row}; one applicant per document`,
    'zh-CN': (i) => `与第 ${i.row} 行证件号码相同；每个证件只能导入一次`,
  },
  'image.changed': {
    en: () => 'an image file changed after the preview; preview the manifest again',
    'zh-CN': () => '预览后图片文件已被修改；请重新预览清单',
  },
  'row.needs-override': {
    en: () => 'has warnings; import it only with a reason for accepting them',
    'zh-CN': () => '存在警告；须填写接受警告的理由才能导入',
  },
  'commit.refused': { en: (i) => `the queue refused the applicant (${i.reason})`, 'zh-CN': (i) => `队列拒绝了该申请人（${i.reason}）` },
  'commit.failed': {
    en: () => 'storing failed (see the log); nothing of this row was kept; try again',
    'zh-CN': () => '保存失败（详见日志）；该行未保存任何内容；请重试',
  },
  'row.cancelled': { en: () => 'not imported: the import was cancelled', 'zh-CN': () => '未导入：导入已取消' },
}

const manifestTexts: Texts<ManifestIssue> = {
  'manifest.not-found': { en: () => 'the manifest file does not exist', 'zh-CN': () => '清单文件不存在' },
  'manifest.unreadable': { en: (i) => `the manifest cannot be read (${i.detail})`, 'zh-CN': (i) => `无法读取清单文件（${i.detail}）` },
  'manifest.empty': { en: () => 'the manifest is empty', 'zh-CN': () => '清单文件为空' },
  'manifest.too-large': {
    en: (i) => `the manifest is ${mb(i.bytes)} MB, over the ${mb(i.maxBytes)} MB limit; split it`,
    'zh-CN': (i) => `清单大小为 ${mb(i.bytes)} MB，超过上限 ${mb(i.maxBytes)} MB；请拆分后导入`,
  },
  'manifest.not-text': {
    en: () => 'the manifest is neither CSV text nor an .xlsx workbook',
    'zh-CN': () => '清单既不是 CSV 文本，也不是 .xlsx 工作簿',
  },
  'manifest.utf16': {
    en: () => 'the manifest is UTF-16 ("Unicode text"); save it as "CSV UTF-8" or .xlsx',
    'zh-CN': () => '清单为 UTF-16 编码（“Unicode 文本”）；请另存为“CSV UTF-8”或 .xlsx',
  },
  'manifest.xls': {
    en: () => 'old Excel .xls files are not read; save the workbook as .xlsx or CSV',
    'zh-CN': () => '不支持旧版 Excel .xls 文件；请另存为 .xlsx 或 CSV',
  },
  'manifest.xlsx-too-many-parts': {
    en: (i) => `the .xlsx workbook has ${i.entries} parts, more than ${i.maxEntries}; this is not a manifest, save it again from Excel`,
    'zh-CN': (i) => `.xlsx 工作簿有 ${i.entries} 个部件，超过 ${i.maxEntries} 个；这不是清单文件，请在 Excel 中重新保存`,
  },
  'manifest.xlsx-inflates-too-much': {
    en: (i) =>
      i.limit === 'ratio'
        ? `the .xlsx workbook unpacks to more than ${mb(i.maxBytes)} MB, far more than its size suggests (a zip bomb?); it was not opened`
        : `the .xlsx workbook unpacks to more than ${mb(i.maxBytes)} MB${i.limit === 'part' ? ` in ${q(i.part)}` : ''}; it was not opened (a zip bomb?); split the manifest or save it again from Excel`,
    'zh-CN': (i) =>
      i.limit === 'ratio'
        ? `.xlsx 工作簿解压后超过 ${mb(i.maxBytes)} MB，远超其文件大小（可能是压缩炸弹）；未打开`
        : `.xlsx 工作簿解压后超过 ${mb(i.maxBytes)} MB${i.limit === 'part' ? `（${q(i.part)}）` : ''}；未打开（可能是压缩炸弹）；请拆分清单或在 Excel 中重新保存`,
  },
  'manifest.xlsx-unreadable': {
    en: () => 'the .xlsx workbook is damaged or not a workbook; save it again from Excel',
    'zh-CN': () => '.xlsx 工作簿已损坏或不是工作簿；请在 Excel 中重新保存',
  },
  'manifest.no-header': { en: () => 'the manifest has no header row', 'zh-CN': () => '清单缺少表头行' },
  'manifest.no-rows': { en: () => 'the manifest has a header but no rows', 'zh-CN': () => '清单只有表头，没有数据行' },
  'manifest.too-many-rows': {
    en: (i) => `the manifest has ${i.rows} rows, more than ${i.maxRows}; split it`,
    'zh-CN': (i) => `清单有 ${i.rows} 行，超过 ${i.maxRows} 行；请拆分后导入`,
  },
  'csv.unterminated-quote': {
    en: (i) => `line ${i.line}: a quoted cell is never closed; add the closing " (everything after it was swallowed)`,
    'zh-CN': (i) => `第 ${i.line} 行：引号内的单元格没有结束；请补上结尾的 "（其后的内容都被并入该单元格）`,
  },
  'csv.text-after-quote': {
    en: (i) => `line ${i.line}, column ${i.column}: text after a closing quote; quote the whole cell and double any " inside`,
    'zh-CN': (i) => `第 ${i.line} 行第 ${i.column} 个字符：结尾引号后还有文字；请给整个单元格加引号，单元格内的 " 写成 ""`,
  },
  'csv.quote-in-field': {
    en: (i) => `line ${i.line}, column ${i.column}: a " inside an unquoted cell; quote the cell and write the quote as ""`,
    'zh-CN': (i) => `第 ${i.line} 行第 ${i.column} 个字符：未加引号的单元格中有 "；请给单元格加引号，并将 " 写成 ""`,
  },
  'manifest.missing-columns': {
    en: (i) => `columns missing: ${i.fields.join(', ')}`,
    'zh-CN': (i) => `缺少列：${i.fields.map((f) => `${columnNames[f]}（${f}）`).join('、')}`,
  },
  'manifest.duplicate-column': {
    en: (i) => `${q(i.headers[0])} and ${q(i.headers[1])} both mean ${i.field}; keep one`,
    'zh-CN': (i) => `${q(i.headers[0])}与${q(i.headers[1])}都表示${columnNames[i.field]}；请只保留一列`,
  },
  'manifest.unknown-column': {
    en: (i) => `column ${q(i.header)} is not a manifest column and is ignored`,
    'zh-CN': (i) => `列${q(i.header)}不是清单列，已忽略`,
  },
  'images.not-found': { en: () => 'the images folder does not exist', 'zh-CN': () => '图片文件夹不存在' },
}

function label(field: ProblemField, locale: Locale): string {
  if (field === 'row') return locale === 'en' ? 'Row' : '该行'
  return locale === 'en' ? field : columnNames[field]
}

export function rowMessages(field: ProblemField, issue: RowIssue): Messages {
  // Each entry takes exactly its own variant (see Texts); TypeScript cannot correlate them here.
  const entry = rowTexts[issue.code] as Record<Locale, (i: RowIssue) => string>
  return { en: `${label(field, 'en')}: ${entry.en(issue)}`, 'zh-CN': `${label(field, 'zh-CN')}：${entry['zh-CN'](issue)}` }
}

export function manifestMessages(issue: ManifestIssue): Messages {
  const entry = manifestTexts[issue.code] as Record<Locale, (i: ManifestIssue) => string>
  return { en: entry.en(issue), 'zh-CN': entry['zh-CN'](issue) }
}
