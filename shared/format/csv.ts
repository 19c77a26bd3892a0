/**
 * CSV for files people open in a spreadsheet (the diagnostics log, status reports). RFC 4180
 * quoting, plus a guard against formula injection: a cell that starts with `=`, `+`, `-` or `@`
 * (or a tab or carriage return, which some spreadsheets skip before reading a formula) is
 * prefixed with `'`, so Excel and LibreOffice show it as text instead of evaluating it.
 */

const formulaStart = /^[=+\-@\t\r]/
const needsQuotes = /[",\r\n]/

export type CsvValue = string | number | boolean | null | undefined

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  // Numbers and booleans are written by us, not typed by anyone: a negative number stays a number.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const text = formulaStart.test(value) ? `'${value}` : value
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One line of cells, without the line ending. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',')
}

/** A whole document with CRLF line endings (what RFC 4180 and Excel expect) and a trailing one. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [csvRow(header), ...rows.map(csvRow)].map((line) => `${line}\r\n`).join('')
}
