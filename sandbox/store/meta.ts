import type { SqliteDatabase } from './database'

export type MetaRepository = ReturnType<typeof createMetaRepository>

/** Small named values that must survive a restart of the same data folder (account id, root key). */
export function createMetaRepository(db: SqliteDatabase) {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?')
  const write = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (name, value) VALUES (?, ?)')

  return {
    getOrCreate(name: string, create: () => string): string {
      const existing = read.get(name)
      if (existing) return existing.value
      const value = create()
      write.run(name, value)
      return value
    },
  }
}
