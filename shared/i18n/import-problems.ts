import { defineMessages } from './define-messages'

/**
 * The batch import's own problems (`importProblem.<code>`, the code's dots being the table's
 * levels), how columns are listed (`importColumn.*`; each column is named by its field, from
 * shared/i18n/fields.ts) and the command line's report (`importReport.*`). Identity and
 * account-binding problems are worded by shared/i18n/issue-words.ts, image problems by
 * `imageFile.*` and `imageCheck.*`, duplicates by `reasons.capture.duplicate.*`.
 */
export default defineMessages(
  {
    importProblem: {
      value: {
        'document-type': '“{value}”不是 id_card 或 passport（身份证/护照）',
        gender: '“{value}”不是 M、F、1、2、男 或 女',
        flag: '“{value}”不是 0 或 1',
        date: '“{value}”不是日期；请写成 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD',
        'excel-number': 'Excel 将其存为数字（{shown}），末尾数字已丢失；请将该列设为“文本”格式后重新输入',
        'excel-error': '单元格为 Excel 错误值 {error}',
      },
      file: {
        absolute: '“{name}”是绝对路径；请填写图片文件夹中的文件名',
        traversal: '“{name}”指向图片文件夹之外',
        outside: '“{name}”是指向图片文件夹之外的链接',
        'not-found': '图片文件夹中没有文件“{name}”',
        'not-a-file': '“{name}”是文件夹，不是文件',
        'too-large': '“{name}”大小为 {mb} MB，超过上限 {maxMb} MB',
        unreadable: '无法读取“{name}”（{detail}）',
        reused: '“{name}”也被第 {row} 行使用；每位申请人须使用自己的图片',
        required: '缺失：请填写图片文件名',
      },
      cells: {
        extra: '该行有 {n} 个单元格，表头只有 {expected} 列；请检查是否有未加引号的逗号',
        missing: '该行只有 {n} 个单元格，表头有 {expected} 列；请检查是否缺少逗号或有多余换行',
      },
      validity: { conflict: '“长期有效”为 1，但又填写了有效期截止日期；请只保留其一' },
      row: {
        'duplicate-document': '与第 {row} 行证件号码相同；每个证件只能导入一次',
        'needs-override': '存在警告；须填写接受警告的理由才能导入',
        cancelled: '未导入：导入已取消',
      },
      image: { changed: '预览后图片文件已被修改；请重新预览清单' },
      commit: {
        refused: {
          'not-found': '队列拒绝了该申请人：申请人已不存在',
          'already-queued': '队列拒绝了该申请人：已在队列中',
          purged: '队列拒绝了该申请人：其数据已清除',
          'missing-identity': '队列拒绝了该申请人：缺少证件信息',
          'missing-binding': '队列拒绝了该申请人：缺少账户绑定',
          'missing-consent': '队列拒绝了该申请人：缺少客户同意',
          'missing-images': '队列拒绝了该申请人：缺少图片',
        },
        failed: '保存失败（详见日志）；该行未保存任何内容；请重试',
      },
      manifest: {
        'not-found': '清单文件不存在',
        unreadable: '无法读取清单文件（{detail}）',
        empty: '清单文件为空',
        'too-large': '清单大小为 {mb} MB，超过上限 {maxMb} MB；请拆分后导入',
        'not-text': '清单既不是 CSV 文本，也不是 .xlsx 工作簿',
        utf16: '清单为 UTF-16 编码（“Unicode 文本”）；请另存为“CSV UTF-8”或 .xlsx',
        xls: '不支持旧版 Excel .xls 文件；请另存为 .xlsx 或 CSV',
        'xlsx-too-many-parts': '.xlsx 工作簿有 {entries} 个部件，超过 {maxEntries} 个；这不是清单文件，请在 Excel 中重新保存',
        'xlsx-inflates-too-much': {
          ratio: '.xlsx 工作簿解压后超过 {maxMb} MB，远超其文件大小（可能是压缩炸弹）；未打开',
          part: '.xlsx 工作簿解压后超过 {maxMb} MB（“{part}”）；未打开（可能是压缩炸弹）；请拆分清单或在 Excel 中重新保存',
          total: '.xlsx 工作簿解压后超过 {maxMb} MB；未打开（可能是压缩炸弹）；请拆分清单或在 Excel 中重新保存',
        },
        'xlsx-unreadable': '.xlsx 工作簿已损坏或不是工作簿；请在 Excel 中重新保存',
        'no-header': '清单缺少表头行',
        'no-rows': '清单只有表头，没有数据行',
        'too-many-rows': '清单有 {rows} 行，超过 {maxRows} 行；请拆分后导入',
        'missing-columns': '缺少列：{columns}',
        'duplicate-column': '“{first}”与“{second}”都表示{column}；请只保留一列',
        'unknown-column': '列“{header}”不是清单列，已忽略',
      },
      csv: {
        'unterminated-quote': '第 {line} 行：引号内的单元格没有结束；请补上结尾的 "（其后的内容都被并入该单元格）',
        'text-after-quote': '第 {line} 行第 {column} 个字符：结尾引号后还有文字；请给整个单元格加引号，单元格内的 " 写成 ""',
        'quote-in-field': '第 {line} 行第 {column} 个字符：未加引号的单元格中有 "；请给单元格加引号，并将 " 写成 ""',
      },
      images: { 'not-found': '图片文件夹不存在' },
    },
    importColumn: {
      named: '{name}（{field}）',
      row: '该行',
    },
    importReport: {
      summary: '{path}（{format}）：{n} 行',
      note: '提示：{text}',
      imported: '第 {row} 行：已导入（{id}，{reference}，{status}）',
      rejected: '第 {row} 行：未导入（{n} 个原因）',
      warning: '[警告] {text}',
      totals: '已导入 {imported} 行，未导入 {rejected} 行',
    },
  },
  {
    importProblem: {
      value: {
        'document-type': '“{value}” is not id_card or passport (身份证/护照)',
        gender: '“{value}” is not M, F, 1, 2, 男 or 女',
        flag: '“{value}” is not 0 or 1',
        date: '“{value}” is not a date; write YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD',
        'excel-number': 'Excel stored this as a number ({shown}) and dropped digits; format the column as Text and type it again',
        'excel-error': 'the cell shows the Excel error {error}',
      },
      file: {
        absolute: '“{name}” is an absolute path; give the file name under the images folder',
        traversal: '“{name}” points outside the images folder',
        outside: '“{name}” is a link to a file outside the images folder',
        'not-found': 'no file “{name}” in the images folder',
        'not-a-file': '“{name}” is a folder, not a file',
        'too-large': '“{name}” is {mb} MB, over the {maxMb} MB limit',
        unreadable: '“{name}” cannot be read ({detail})',
        reused: '“{name}” is also used by row {row}; each applicant needs their own images',
        required: 'missing: name the image file',
      },
      cells: {
        extra: 'the row has {n} cell but the header has {expected}; look for an unquoted comma | the row has {n} cells but the header has {expected}; look for an unquoted comma',
        missing:
          'the row has {n} cell but the header has {expected}; look for a missing comma or a line break | the row has {n} cells but the header has {expected}; look for a missing comma or a line break',
      },
      validity: { conflict: 'longTerm is 1 but an expiry date is given; leave one of them empty' },
      row: {
        'duplicate-document': 'the same document number as row {row}; one applicant per document',
        'needs-override': 'has warnings; import it only with a reason for accepting them',
        cancelled: 'not imported: the import was cancelled',
      },
      image: { changed: 'an image file changed after the preview; preview the manifest again' },
      commit: {
        refused: {
          'not-found': 'the queue refused the applicant: it no longer exists',
          'already-queued': 'the queue refused the applicant: it is already queued',
          purged: 'the queue refused the applicant: its data has been purged',
          'missing-identity': 'the queue refused the applicant: the document details are missing',
          'missing-binding': 'the queue refused the applicant: the account binding is missing',
          'missing-consent': 'the queue refused the applicant: the customer’s consent is missing',
          'missing-images': 'the queue refused the applicant: images are missing',
        },
        failed: 'storing failed (see the log); nothing of this row was kept; try again',
      },
      manifest: {
        'not-found': 'the manifest file does not exist',
        unreadable: 'the manifest cannot be read ({detail})',
        empty: 'the manifest is empty',
        'too-large': 'the manifest is {mb} MB, over the {maxMb} MB limit; split it',
        'not-text': 'the manifest is neither CSV text nor an .xlsx workbook',
        utf16: 'the manifest is UTF-16 (“Unicode text”); save it as “CSV UTF-8” or .xlsx',
        xls: 'old Excel .xls files are not read; save the workbook as .xlsx or CSV',
        'xlsx-too-many-parts': 'the .xlsx workbook has {entries} parts, more than {maxEntries}; this is not a manifest, save it again from Excel',
        'xlsx-inflates-too-much': {
          ratio: 'the .xlsx workbook unpacks to more than {maxMb} MB, far more than its size suggests (a zip bomb?); it was not opened',
          part: 'the .xlsx workbook unpacks to more than {maxMb} MB in “{part}”; it was not opened (a zip bomb?); split the manifest or save it again from Excel',
          total: 'the .xlsx workbook unpacks to more than {maxMb} MB; it was not opened (a zip bomb?); split the manifest or save it again from Excel',
        },
        'xlsx-unreadable': 'the .xlsx workbook is damaged or not a workbook; save it again from Excel',
        'no-header': 'the manifest has no header row',
        'no-rows': 'the manifest has a header but no rows',
        'too-many-rows': 'the manifest has {rows} rows, more than {maxRows}; split it',
        'missing-columns': 'columns missing: {columns}',
        'duplicate-column': '“{first}” and “{second}” both mean {column}; keep one',
        'unknown-column': 'column “{header}” is not a manifest column and is ignored',
      },
      csv: {
        'unterminated-quote': 'line {line}: a quoted cell is never closed; add the closing " (everything after it was swallowed)',
        'text-after-quote': 'line {line}, column {column}: text after a closing quote; quote the whole cell and double any " inside',
        'quote-in-field': 'line {line}, column {column}: a " inside an unquoted cell; quote the cell and write the quote as ""',
      },
      images: { 'not-found': 'the images folder does not exist' },
    },
    importColumn: {
      named: '{name} ({field})',
      row: 'Row',
    },
    importReport: {
      summary: '{path} ({format}): {n} row | {path} ({format}): {n} rows',
      note: 'note: {text}',
      imported: 'row {row}: imported ({id}, {reference}, {status})',
      rejected: 'row {row}: rejected ({n} reason) | row {row}: rejected ({n} reasons)',
      warning: '[warning] {text}',
      totals: '{imported} imported, {rejected} rejected',
    },
  },
)
