import type Database from 'better-sqlite3'

export interface Migration {
  /** 1, 2, 3… with no gaps: the database's `user_version` is the last one applied. */
  readonly version: number
  readonly name: string
  readonly up: (db: Database.Database) => void
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError'
}

/**
 * Applies the migrations newer than `user_version`, each in its own transaction together with
 * the `user_version` bump (the header write is part of the transaction), so a crash leaves the
 * database at the previous version, never half-migrated. Returns the versions applied.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): number[] {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) throw new MigrationError(`migration ${m.name} is numbered ${m.version}, expected ${index + 1}`)
  })
  const current = userVersion(db)
  if (current > migrations.length) {
    // A newer app wrote this file; an older one must not touch it.
    throw new MigrationError(`database schema version ${current} is newer than this app (${migrations.length})`)
  }
  const applied: number[] = []
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
    applied.push(migration.version)
  }
  return applied
}

export function userVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true })
  if (typeof version !== 'number') throw new MigrationError('user_version is not a number')
  return version
}
