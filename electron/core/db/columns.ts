/**
 * Checked reads of one column of a row from better-sqlite3, for the tables whose rows are mapped
 * by hand rather than by zod (read on hot paths: a dashboard page, every sync step). Each throws
 * ColumnError naming the column; a table's parser turns that into its own error with context.
 */
export class ColumnError extends Error {
  override readonly name = 'ColumnError'
  constructor(readonly column: string) {
    super(`column ${column} does not have the expected type`)
  }
}

export type Row = Readonly<Record<string, unknown>>

export function asRow(row: unknown): Row {
  if (typeof row !== 'object' || row === null) throw new ColumnError('(row)')
  return row as Row
}

export function text(row: Row, column: string): string {
  const v = row[column]
  if (typeof v !== 'string') throw new ColumnError(column)
  return v
}

export function textOrNull(row: Row, column: string): string | null {
  const v = row[column]
  if (v !== null && typeof v !== 'string') throw new ColumnError(column)
  return v
}

export function int(row: Row, column: string, min = Number.MIN_SAFE_INTEGER): number {
  const v = row[column]
  if (!Number.isInteger(v) || (v as number) < min) throw new ColumnError(column)
  return v as number
}

export function intOrNull(row: Row, column: string): number | null {
  return row[column] === null ? null : int(row, column)
}

/** SQLite keeps booleans as 0 and 1 (the tables' CHECKs say so). */
export function flag(row: Row, column: string): boolean {
  const v = row[column]
  if (v !== 0 && v !== 1) throw new ColumnError(column)
  return v === 1
}

export function oneOf<T extends string>(row: Row, column: string, allowed: ReadonlySet<string>): T {
  const v = row[column]
  if (typeof v !== 'string' || !allowed.has(v)) throw new ColumnError(column)
  return v as T
}

export function oneOfOrNull<T extends string>(row: Row, column: string, allowed: ReadonlySet<string>): T | null {
  return row[column] === null ? null : oneOf<T>(row, column, allowed)
}

export function blobOrNull(row: Row, column: string): Buffer | null {
  const v = row[column]
  if (v !== null && !Buffer.isBuffer(v)) throw new ColumnError(column)
  return v
}
