/** One CSV record and the line it starts on (1-based; a quoted newline makes records span lines). */
export interface CsvRecord {
  readonly line: number
  readonly cells: string[]
}

export type CsvFailure =
  | { code: 'csv.unterminated-quote'; line: number }
  | { code: 'csv.text-after-quote'; line: number; column: number }
  | { code: 'csv.quote-in-field'; line: number; column: number }

export type CsvResult = { ok: true; records: CsvRecord[] } | { ok: false; problem: CsvFailure }

/**
 * RFC 4180 as Excel writes and reads it: comma-separated, fields optionally in double quotes, a
 * doubled quote inside quotes is one quote, quoted fields may hold commas and line breaks,
 * records end with CRLF, LF or CR. Malformed quoting is an error with its line and column rather
 * than a guess, because a guessed split shifts every later cell into the wrong column. A blank
 * line is a record of one empty cell, so record numbers match the rows Excel shows; the caller
 * skips empty rows.
 */
export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let field = ''
  let line = 1
  let column = 1
  let recordLine = 1
  let fieldStarted = false
  let i = 0

  const endField = () => {
    cells.push(field)
    field = ''
    fieldStarted = false
  }
  const endRecord = () => {
    endField()
    records.push({ line: recordLine, cells })
    cells = []
  }
  const newline = (at: number): number => (text[at] === '\r' && text[at + 1] === '\n' ? 2 : 1)

  while (i < text.length) {
    const c = text[i]
    if (c === '"' && !fieldStarted && field === '') {
      const quoteLine = line
      i++
      column++
      for (;;) {
        if (i >= text.length) return { ok: false, problem: { code: 'csv.unterminated-quote', line: quoteLine } }
        const q = text[i]
        if (q === '"' && text[i + 1] === '"') {
          field += '"'
          i += 2
          column += 2
        } else if (q === '"') {
          i++
          column++
          break
        } else if (q === '\r' || q === '\n') {
          const width = newline(i)
          field += '\n'
          i += width
          line++
          column = 1
        } else {
          field += q
          i++
          column++
        }
      }
      const next = text[i]
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        return { ok: false, problem: { code: 'csv.text-after-quote', line, column } }
      }
      fieldStarted = true
      continue
    }
    if (c === ',') {
      endField()
      i++
      column++
    } else if (c === '\r' || c === '\n') {
      endRecord()
      i += newline(i)
      line++
      column = 1
      recordLine = line
    } else if (c === '"') {
      return { ok: false, problem: { code: 'csv.quote-in-field', line, column } }
    } else {
      field += c
      fieldStarted = true
      i++
      column++
    }
  }
  if (fieldStarted || field !== '' || cells.length > 0) endRecord()
  return { ok: true, records }
}
