import type { DocumentType, Gender } from '../../../../shared/domain/identity'
import { cellText, isBlank, type ManifestCell } from './cells'

export type ValueProblem =
  | { code: 'value.document-type'; value: string }
  | { code: 'value.gender'; value: string }
  | { code: 'value.flag'; value: string }
  | { code: 'value.date'; value: string }
  /** A long number Excel stored as a double: its last digits are gone, nothing can restore them. */
  | { code: 'value.excel-number'; shown: string }
  | { code: 'value.excel-error'; error: string }

/** `value: null` is a blank cell: missing, which the identity rules report as `required` where it matters. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; problem: ValueProblem }

const blank = { ok: true, value: null } as const

function keyOf(cell: ManifestCell): string {
  return cellText(cell).normalize('NFKC').toLowerCase()
}

function lookup<T>(cell: ManifestCell, table: Readonly<Record<string, T>>, fail: (value: string) => ValueProblem): Parsed<T> {
  if (isBlank(cell)) return blank
  if (cell.kind === 'error') return { ok: false, problem: { code: 'value.excel-error', error: cell.error } }
  const found = table[keyOf(cell)]
  return found === undefined ? { ok: false, problem: fail(cellText(cell)) } : { ok: true, value: found }
}

const documentTypes: Record<string, DocumentType> = {
  id_card: 'id_card',
  身份证: 'id_card',
  居民身份证: 'id_card',
  passport: 'passport',
  护照: 'passport',
}
export const parseDocumentType = (cell: ManifestCell) => lookup(cell, documentTypes, (value) => ({ code: 'value.document-type', value }))

const genders: Record<string, Gender> = { m: 'male', f: 'female', male: 'male', female: 'female', '1': 'male', '2': 'female', 男: 'male', 女: 'female' }
export const parseGender = (cell: ManifestCell) => lookup(cell, genders, (value) => ({ code: 'value.gender', value }))

const flags: Record<string, boolean> = { '0': false, '1': true, 否: false, 是: true, false: false, true: true }
export const parseFlag = (cell: ManifestCell) => lookup(cell, flags, (value) => ({ code: 'value.flag', value }))

const pad = (n: string) => n.padStart(2, '0')
const datePatterns = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  // As printed on the back of a resident ID card: 2015.06.01.
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
]

/**
 * A calendar date as `YYYY-MM-DD`. Excel users type `YYYY/MM/DD` or `YYYYMMDD`, and a Chinese
 * Excel saves date cells to CSV as `2020/1/5`, so single-digit months and days are accepted too.
 * Whether the day exists (31 April) is the identity rules' call, with their own message.
 */
export function parseDate(cell: ManifestCell): Parsed<string> {
  if (isBlank(cell)) return blank
  if (cell.kind === 'error') return { ok: false, problem: { code: 'value.excel-error', error: cell.error } }
  // exceljs gives a date cell as midnight UTC of the date Excel shows.
  if (cell.kind === 'date') return { ok: true, value: cell.date.toISOString().slice(0, 10) }
  const text = cellText(cell).normalize('NFKC')
  for (const pattern of datePatterns) {
    const m = pattern.exec(text)
    if (m) return { ok: true, value: `${m[1]}-${pad(m[2] ?? '')}-${pad(m[3] ?? '')}` }
  }
  return { ok: false, problem: { code: 'value.date', value: text } }
}

/** `1.10105E+17`: what Excel shows, and saves to CSV, for a long number in a General cell. */
const scientific = /^\d(\.\d+)?e\+?\d+$/i

/**
 * Text whose every character counts (uid, document number). A number cell is fine while it is a
 * whole number below 2^53; beyond that Excel has already rounded it to 15 significant digits.
 */
export function parseExactText(cell: ManifestCell): Parsed<string> {
  if (isBlank(cell)) return blank
  if (cell.kind === 'error') return { ok: false, problem: { code: 'value.excel-error', error: cell.error } }
  if (cell.kind === 'number' && !Number.isSafeInteger(cell.value)) {
    return { ok: false, problem: { code: 'value.excel-number', shown: cell.value.toPrecision(6) } }
  }
  const text = cellText(cell)
  if (scientific.test(text)) return { ok: false, problem: { code: 'value.excel-number', shown: text } }
  return { ok: true, value: text }
}

export function parseText(cell: ManifestCell): Parsed<string> {
  if (isBlank(cell)) return blank
  if (cell.kind === 'error') return { ok: false, problem: { code: 'value.excel-error', error: cell.error } }
  return { ok: true, value: cellText(cell) }
}
