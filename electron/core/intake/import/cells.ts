/**
 * One cell as the manifest holds it. CSV gives only text; an .xlsx keeps Excel's own types, which
 * matter: an 18-digit ID number typed into a number cell has already lost its last digits.
 */
export type ManifestCell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  /** An Excel date cell; exceljs gives it as midnight UTC of the calendar date shown. */
  | { readonly kind: 'date'; readonly date: Date }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** A formula that failed in Excel: `#N/A`, `#REF!`, ... */
  | { readonly kind: 'error'; readonly error: string }

export const emptyCell: ManifestCell = { kind: 'empty' }

export function textCell(text: string): ManifestCell {
  return text.trim() === '' ? emptyCell : { kind: 'text', text }
}

export function isBlank(cell: ManifestCell): boolean {
  return cell.kind === 'empty' || (cell.kind === 'text' && cell.text.trim() === '')
}

/** The cell as text, the way Excel would display it without formatting; trimmed. */
export function cellText(cell: ManifestCell): string {
  switch (cell.kind) {
    case 'empty':
      return ''
    case 'text':
      return cell.text.trim()
    case 'number':
      return Number.isInteger(cell.value) && Math.abs(cell.value) < 1e21 ? BigInt(cell.value).toString() : String(cell.value)
    case 'date':
      return cell.date.toISOString().slice(0, 10)
    case 'boolean':
      return cell.value ? '1' : '0'
    case 'error':
      return cell.error
  }
}
