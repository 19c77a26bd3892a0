import { describe, expect, it } from 'vitest'
import { parseCsv } from './csv'

const cells = (text: string) => {
  const result = parseCsv(text)
  if (!result.ok) throw new Error(result.problem.code)
  return result.records.map((r) => r.cells)
}

describe('parseCsv', () => {
  it('splits fields and records with CRLF, LF or CR, with or without a final newline', () => {
    expect(cells('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']])
    expect(cells('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']])
    expect(cells('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']])
  })

  it('keeps empty cells, including trailing ones', () => {
    expect(cells('a,,c,\r\n,,,\r\n')).toEqual([['a', '', 'c', ''], ['', '', '', '']])
  })

  it('reads quoted cells with commas, doubled quotes and line breaks inside', () => {
    expect(cells('"Smith, John","He said ""hi""","line1\r\nline2",x\r\n')).toEqual([['Smith, John', 'He said "hi"', 'line1\nline2', 'x']])
    expect(cells('"",""\n')).toEqual([['', '']])
  })

  it('numbers records by the line they start on, and keeps blank lines as empty records', () => {
    const result = parseCsv('h1,h2\n"a\nb",c\n\nd,e\n')
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['h1', 'h2'] },
        { line: 2, cells: ['a\nb', 'c'] },
        { line: 4, cells: [''] },
        { line: 5, cells: ['d', 'e'] },
      ],
    })
  })

  it('reports an unterminated quote at the line where it opened', () => {
    expect(parseCsv('a,b\nc,"never closed\nmore,text\n')).toEqual({ ok: false, problem: { code: 'csv.unterminated-quote', line: 2 } })
  })

  it('reports text after a closing quote and a quote inside an unquoted cell, with line and column', () => {
    expect(parseCsv('a,b\n"x"y,z\n')).toEqual({ ok: false, problem: { code: 'csv.text-after-quote', line: 2, column: 4 } })
    expect(parseCsv('a,b\nab"c,z\n')).toEqual({ ok: false, problem: { code: 'csv.quote-in-field', line: 2, column: 3 } })
  })

  it('gives no records for empty text', () => {
    expect(parseCsv('')).toEqual({ ok: true, records: [] })
  })
})
