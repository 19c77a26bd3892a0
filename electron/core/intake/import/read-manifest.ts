import { open } from 'node:fs/promises'
import { cellText, isBlank, textCell, type ManifestCell } from './cells'
import { parseCsv, type CsvFailure } from './csv'
import { decodeManifestText, type DecodeFailure, type TextEncoding } from './decode-text'
import { readXlsx } from './xlsx'
import type { XlsxSizeProblem } from './xlsx-size'

export interface ManifestRow {
  /** Row number as a spreadsheet shows it: the header is row 1 (for a CSV, blank lines count too). */
  readonly row: number
  /** CSV only: the line the record starts on. */
  readonly line: number | null
  readonly cells: ManifestCell[]
}

export interface ManifestTable {
  readonly format: 'csv' | 'xlsx'
  readonly encoding: TextEncoding | null
  readonly header: string[]
  readonly rows: ManifestRow[]
}

export type ManifestFailure =
  | DecodeFailure
  | CsvFailure
  | { code: 'manifest.not-found' }
  | { code: 'manifest.unreadable'; detail: string }
  | { code: 'manifest.empty' }
  | { code: 'manifest.too-large'; bytes: number; maxBytes: number }
  | { code: 'manifest.xls' }
  | { code: 'manifest.xlsx-unreadable' }
  | XlsxSizeProblem
  | { code: 'manifest.no-header' }
  | { code: 'manifest.no-rows' }
  | { code: 'manifest.too-many-rows'; rows: number; maxRows: number }

export type ManifestRead = { ok: true; table: ManifestTable } | { ok: false; problem: ManifestFailure }

export interface ManifestLimits {
  readonly maxBytes: number
  readonly maxRows: number
}

export const defaultManifestLimits: ManifestLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 20_000 }

async function readLimited(path: string, maxBytes: number): Promise<{ ok: true; bytes: Buffer } | { ok: false; problem: ManifestFailure }> {
  let handle
  try {
    handle = await open(path, 'r')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, problem: code === 'ENOENT' ? { code: 'manifest.not-found' } : { code: 'manifest.unreadable', detail: code ?? 'unknown' } }
  }
  try {
    const stat = await handle.stat()
    if (!stat.isFile()) return { ok: false, problem: { code: 'manifest.unreadable', detail: 'not a file' } }
    if (stat.size > maxBytes) return { ok: false, problem: { code: 'manifest.too-large', bytes: stat.size, maxBytes } }
    return { ok: true, bytes: await handle.readFile() }
  } catch (error) {
    return { ok: false, problem: { code: 'manifest.unreadable', detail: (error as NodeJS.ErrnoException).code ?? 'unknown' } }
  } finally {
    await handle.close()
  }
}

const zipSignature = [0x50, 0x4b, 0x03, 0x04]
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0]
const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b)

/** Header first, then the data rows with content; all-empty rows (`,,,,` or blank lines) are skipped. */
function split(rows: readonly ManifestRow[], maxRows: number): { ok: true; header: string[]; rows: ManifestRow[] } | { ok: false; problem: ManifestFailure } {
  const filled = rows.filter((r) => !r.cells.every(isBlank))
  const [head, ...data] = filled
  if (!head) return { ok: false, problem: { code: 'manifest.no-header' } }
  if (data.length === 0) return { ok: false, problem: { code: 'manifest.no-rows' } }
  if (data.length > maxRows) return { ok: false, problem: { code: 'manifest.too-many-rows', rows: data.length, maxRows } }
  return { ok: true, header: head.cells.map(cellText), rows: data }
}

/**
 * Reads a manifest, judged by content rather than extension: an .xlsx is a zip, a legacy .xls an
 * OLE file (refused with advice), anything else is CSV text.
 */
export async function readManifest(path: string, limits: ManifestLimits = defaultManifestLimits): Promise<ManifestRead> {
  const read = await readLimited(path, limits.maxBytes)
  return read.ok ? parseManifest(read.bytes, limits) : read
}

/** The same judgement for a manifest already in memory (an upload in browser mode). */
export async function parseManifest(bytes: Buffer, limits: ManifestLimits = defaultManifestLimits): Promise<ManifestRead> {
  if (bytes.length > limits.maxBytes) return { ok: false, problem: { code: 'manifest.too-large', bytes: bytes.length, maxBytes: limits.maxBytes } }
  if (bytes.length === 0) return { ok: false, problem: { code: 'manifest.empty' } }
  if (startsWith(bytes, oleSignature)) return { ok: false, problem: { code: 'manifest.xls' } }
  if (startsWith(bytes, zipSignature)) {
    const sheet = await readXlsx(bytes)
    if (!sheet.ok) return sheet
    const parts = split(
      sheet.rows.map((r) => ({ row: r.row, line: null, cells: r.cells })),
      limits.maxRows,
    )
    return parts.ok ? { ok: true, table: { format: 'xlsx', encoding: null, header: parts.header, rows: parts.rows } } : parts
  }
  const decoded = decodeManifestText(bytes)
  if (!decoded.ok) return decoded
  if (decoded.text.trim() === '') return { ok: false, problem: { code: 'manifest.empty' } }
  const csv = parseCsv(decoded.text)
  if (!csv.ok) return csv
  const rows = csv.records.map((r, i) => ({ row: i + 1, line: r.line, cells: r.cells.map(textCell) }))
  const parts = split(rows, limits.maxRows)
  return parts.ok ? { ok: true, table: { format: 'csv', encoding: decoded.encoding, header: parts.header, rows: parts.rows } } : parts
}
