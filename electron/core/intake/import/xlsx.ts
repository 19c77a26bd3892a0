import ExcelJS from 'exceljs'
import { emptyCell, textCell, type ManifestCell } from './cells'
import { checkXlsxSize, type XlsxSizeProblem } from './xlsx-size'

export interface SheetRow {
  /** Excel's row number, as the operator sees it. */
  readonly row: number
  readonly cells: ManifestCell[]
}

export type XlsxResult =
  | { ok: true; sheet: string; rows: SheetRow[] }
  | { ok: false; problem: { code: 'manifest.xlsx-unreadable' } | { code: 'manifest.no-header' } | XlsxSizeProblem }

function toCell(value: ExcelJS.CellValue): ManifestCell {
  if (value === null || value === undefined) return emptyCell
  if (typeof value === 'string') return textCell(value)
  if (typeof value === 'number') return { kind: 'number', value }
  if (typeof value === 'boolean') return { kind: 'boolean', value }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', error: '#VALUE!' } : { kind: 'date', date: value }
  if ('error' in value) return { kind: 'error', error: value.error }
  if ('richText' in value) return textCell(value.richText.map((part) => part.text).join(''))
  if ('hyperlink' in value) return textCell(value.text)
  // A formula: what Excel computed last is what the operator saw.
  return value.result === undefined ? emptyCell : toCell(value.result)
}

/**
 * The first worksheet of an .xlsx, read with exceljs (not npm's stale `xlsx` 0.18.5 and its open
 * advisories). Rows are Excel's own numbers; empty rows are left out by exceljs already.
 */
export async function readXlsx(bytes: Buffer): Promise<XlsxResult> {
  // exceljs inflates every part into memory: a zip bomb is refused before it gets the chance.
  const size = await checkXlsxSize(bytes)
  if (!size.ok) return size
  const workbook = new ExcelJS.Workbook()
  try {
    // exceljs's typings predate Node's generic Buffer; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer)
  } catch {
    return { ok: false, problem: { code: 'manifest.xlsx-unreadable' } }
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) return { ok: false, problem: { code: 'manifest.no-header' } }
  const rows: SheetRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: ManifestCell[] = []
    // `row.values` is 1-based with a hole at 0; cellCount covers the row's last used column.
    for (let col = 1; col <= row.cellCount; col++) cells.push(toCell(row.getCell(col).value))
    rows.push({ row: rowNumber, cells })
  })
  return { ok: true, sheet: sheet.name, rows }
}
