import { describe, expect, it } from 'vitest'
import { csvCell, csvDocument, csvRow } from './csv'

describe('csvCell', () => {
  it('prefixes cells that a spreadsheet would read as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\t=1')).toBe("'\t=1")
    expect(csvCell('\r=1')).toBe(`"'\r=1"`)
  })

  it('leaves ordinary text, numbers and empty values alone', () => {
    expect(csvCell('sync.needs-attention')).toBe('sync.needs-attention')
    expect(csvCell('a=b')).toBe('a=b')
    expect(csvCell(-1002)).toBe('-1002')
    expect(csvCell(true)).toBe('true')
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
  })
})

describe('csvDocument', () => {
  it('writes a header and rows with CRLF endings', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,')
    expect(csvDocument(['x', 'y'], [['=1', 2]])).toBe("x,y\r\n'=1,2\r\n")
  })
})
