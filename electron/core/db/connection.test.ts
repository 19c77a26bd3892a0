import Database from 'better-sqlite3'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, withoutWaitingForDisk } from './connection'
import { MigrationError, runMigrations, userVersion, type Migration } from './migrate'
import { migrations } from './migrations'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-db-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('openDatabase', () => {
  it('runs WAL with synchronous=FULL, foreign keys, a busy timeout and secure delete', () => {
    const db = openDatabase({ file: join(dir, 'q.sqlite'), busyTimeoutMs: 3000 })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2) // FULL, not the WAL default NORMAL (1)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(3000)
    expect(db.pragma('secure_delete', { simple: true })).toBe(1)
    db.close()
  })

  it('commits a harmless write without fsync and goes back to FULL, even when it throws', () => {
    const db = openDatabase({ file: join(dir, 'q.sqlite') })
    expect(withoutWaitingForDisk(db, () => db.pragma('synchronous', { simple: true }))).toBe(1)
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(() =>
      withoutWaitingForDisk(db, () => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    db.close()
  })

  it.runIf(process.platform !== 'win32')('keeps the database file private to its user', () => {
    const file = join(dir, 'q.sqlite')
    openDatabase({ file }).close()
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('migrates a new file to the latest version once; reopening changes nothing', () => {
    const file = join(dir, 'q.sqlite')
    const db = openDatabase({ file })
    expect(userVersion(db)).toBe(migrations.length)
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('k', '1', 1)`).run()
    db.close()
    const again = openDatabase({ file })
    expect(userVersion(again)).toBe(migrations.length)
    expect(again.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('1')
    expect(runMigrations(again, migrations)).toEqual([])
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok')
    again.close()
  })

  it('loads the native binding it is given (the Electron app passes its own build)', () => {
    const nodeBuild = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node')
    openDatabase({ file: join(dir, 'q.sqlite'), nativeBinding: nodeBuild }).close()
    expect(() => openDatabase({ file: join(dir, 'r.sqlite'), nativeBinding: join(dir, 'missing.node') })).toThrow()
  })
})

describe('runMigrations', () => {
  const create = (version: number, table: string): Migration => ({
    version,
    name: `00${version}`,
    up: (db) => db.exec(`CREATE TABLE ${table} (x INTEGER)`),
  })

  it('applies each pending migration in order and records the version', () => {
    const db = new Database(':memory:')
    expect(runMigrations(db, [create(1, 'a')])).toEqual([1])
    expect(runMigrations(db, [create(1, 'a'), create(2, 'b')])).toEqual([2])
    expect(userVersion(db)).toBe(2)
    db.close()
  })

  it('rolls a failing migration back entirely and keeps the previous version', () => {
    const db = new Database(':memory:')
    runMigrations(db, [create(1, 'a')])
    const broken: Migration = {
      version: 2,
      name: '002-broken',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)')
        throw new Error('boom')
      },
    }
    expect(() => runMigrations(db, [create(1, 'a'), broken])).toThrow('boom')
    expect(userVersion(db)).toBe(1)
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half'`).pluck().get()).toBe(0)
    db.close()
  })

  it('refuses a database from a newer app and gaps in the numbering', () => {
    const db = new Database(':memory:')
    db.pragma('user_version = 5')
    expect(() => runMigrations(db, [create(1, 'a')])).toThrow(MigrationError)
    expect(() => runMigrations(new Database(':memory:'), [create(2, 'a')])).toThrow(/expected 1/)
    db.close()
  })
})
