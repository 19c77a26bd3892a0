import type { SqliteDatabase } from './database'

export interface StoredObject {
  bucket: string
  key: string
  size: number
  md5Hex: string
  contentType: string
  /** x-oss-meta-* headers as sent, lower-cased names without the prefix. */
  userMeta: Record<string, string>
  blobName: string
  lastModified: number
}

interface ObjectRow {
  bucket: string
  key: string
  size: number
  md5Hex: string
  contentType: string
  userMeta: string
  blobName: string
  lastModified: number
}

const COLUMNS = `bucket, object_key AS key, size, md5_hex AS md5Hex, content_type AS contentType,
  user_meta AS userMeta, blob_name AS blobName, last_modified AS lastModified`

function fromRow(row: ObjectRow): StoredObject {
  const meta: unknown = JSON.parse(row.userMeta)
  const userMeta: Record<string, string> = {}
  if (meta && typeof meta === 'object') {
    for (const [name, value] of Object.entries(meta)) if (typeof value === 'string') userMeta[name] = value
  }
  return { ...row, userMeta }
}

/** Escapes LIKE wildcards so a prefix is matched literally. */
function likePrefix(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

export type ObjectRepository = ReturnType<typeof createObjectRepository>

export function createObjectRepository(db: SqliteDatabase) {
  const upsert = db.prepare<[string, string, number, string, string, string, string, number]>(
    `INSERT OR REPLACE INTO objects (bucket, object_key, size, md5_hex, content_type, user_meta, blob_name, last_modified)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const byKey = db.prepare<[string, string], ObjectRow>(`SELECT ${COLUMNS} FROM objects WHERE bucket = ? AND object_key = ?`)
  const byPrefix = db.prepare<[string, string], ObjectRow>(
    `SELECT ${COLUMNS} FROM objects WHERE bucket = ? AND object_key LIKE ? ESCAPE '\\' ORDER BY object_key`,
  )
  const remove = db.prepare<[string, string]>('DELETE FROM objects WHERE bucket = ? AND object_key = ?')

  return {
    save(object: StoredObject): void {
      upsert.run(
        object.bucket,
        object.key,
        object.size,
        object.md5Hex,
        object.contentType,
        JSON.stringify(object.userMeta),
        object.blobName,
        object.lastModified,
      )
    },
    find(bucket: string, key: string): StoredObject | undefined {
      const row = byKey.get(bucket, key)
      return row ? fromRow(row) : undefined
    },
    list(bucket: string, prefix: string): StoredObject[] {
      return byPrefix.all(bucket, likePrefix(prefix)).map(fromRow)
    },
    delete(bucket: string, key: string): boolean {
      return remove.run(bucket, key).changes === 1
    },
  }
}
