import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from './connection'
import { sortableIdPattern } from './ids'
import { OperatorsRepository } from './tables/operators/repository'

let dir: string
let db: Db
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-ops-'))
  db = openDatabase({ file: join(dir, 'q.sqlite') })
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('operators', () => {
  it('stores a salted scrypt hash and verifies the PIN', async () => {
    const operators = new OperatorsRepository(db)
    const op = await operators.create('Li Wei', '482913', 1000)
    const twin = await operators.create('Zhang Min', '482913', 1000)
    expect(op.id).toMatch(sortableIdPattern)
    expect(await operators.verifyPin(op.id, '482913')).toBe(true)
    expect(await operators.verifyPin(op.id, '482914')).toBe(false)
    expect(await operators.verifyPin('nobody', '482913')).toBe(false)
    const hashes = db.prepare('SELECT pin_hash FROM operators').pluck().all() as Buffer[]
    expect(hashes[0]?.equals(hashes[1] ?? Buffer.alloc(0))).toBe(false)
    db.pragma('wal_checkpoint(TRUNCATE)')
    expect(readFileSync(join(dir, 'q.sqlite')).includes(Buffer.from('482913'))).toBe(false)
    expect(operators.list().map((o) => o.name)).toEqual(['Li Wei', 'Zhang Min'])
    expect(twin.disabledAt).toBeNull()
  })

  it('a disabled operator cannot sign in; changing the PIN replaces the old one', async () => {
    const operators = new OperatorsRepository(db)
    const op = await operators.create('Li Wei', '1111', 1000)
    await operators.setPin(op.id, '2222')
    expect(await operators.verifyPin(op.id, '1111')).toBe(false)
    expect(await operators.verifyPin(op.id, '2222')).toBe(true)
    expect(operators.disable(op.id, 2000)).toBe(true)
    expect(await operators.verifyPin(op.id, '2222')).toBe(false)
    expect(operators.get(op.id)?.disabledAt).toBe(2000)
  })
})
