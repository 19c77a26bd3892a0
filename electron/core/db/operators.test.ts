import { randomBytes, scryptSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openKycStore } from '../queue/store'
import { EnvKeyProvider } from '../vault/env-key-provider'
import { Vault } from '../vault/vault'
import { openDatabase, type Db } from './connection'
import { sortableIdPattern } from './ids'
import { OperatorsRepository } from './tables/operators/repository'

let dir: string
let db: Db
const keys = new Vault(randomBytes(32), 'k1', { kind: 'env', secure: true })
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-ops-'))
  db = openDatabase({ file: join(dir, 'q.sqlite') })
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const schemeOf = (id: string) => db.prepare(`SELECT json_extract(pin_params, '$.scheme') FROM operators WHERE id = ?`).pluck().get(id)

describe('operators', () => {
  it('stores a salted scrypt hash and verifies the PIN', async () => {
    const operators = new OperatorsRepository(db, keys)
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
    const operators = new OperatorsRepository(db, keys)
    const op = await operators.create('Li Wei', '1111', 1000)
    await operators.setPin(op.id, '2222')
    expect(await operators.verifyPin(op.id, '1111')).toBe(false)
    expect(await operators.verifyPin(op.id, '2222')).toBe(true)
    expect(operators.disable(op.id, 2000)).toBe(true)
    expect(await operators.verifyPin(op.id, '2222')).toBe(false)
    expect(operators.get(op.id)?.disabledAt).toBe(2000)
    expect(operators.enable(op.id)).toBe(true)
    expect(await operators.verifyPin(op.id, '2222')).toBe(true)
  })
})

describe('finding 10: PIN hashes are peppered with an HMAC under the data key', () => {
  it('a copied database cannot be tested against PINs without the data key', async () => {
    const operators = new OperatorsRepository(db, keys)
    const op = await operators.create('Li Wei', '482913', 1000)
    expect(schemeOf(op.id)).toBe('peppered')
    const row = db.prepare('SELECT pin_hash, pin_salt FROM operators WHERE id = ?').get(op.id) as { pin_hash: Buffer; pin_salt: Buffer }
    // The offline attack: scrypt over the PIN with the stored salt and parameters.
    const guess = scryptSync('482913', row.pin_salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })
    expect(guess.equals(row.pin_hash)).toBe(false)
    const otherKey = new OperatorsRepository(db, new Vault(randomBytes(32), 'k2', { kind: 'env', secure: true }))
    expect(await otherKey.verifyPin(op.id, '482913')).toBe(false)
  })

  it('hashes from before the pepper are sealed when the store opens and rehashed at the next sign-in', async () => {
    const hex = randomBytes(32).toString('hex')
    const provider = () => new EnvKeyProvider({ KYC_DESK_KEY: hex })
    const storeDir = join(dir, 'store')
    const first = await openKycStore({ dataDir: storeDir, keyProvider: provider() })
    const op = await first.operators.create('Li Wei', '482913', 1000)
    first.close()
    // Rewrite the row as the app before the pepper stored it: scrypt of the bare PIN.
    const raw = openDatabase({ file: join(storeDir, 'kyc-desk.sqlite') })
    const salt = randomBytes(16)
    const plain = scryptSync('482913', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 })
    raw.prepare('UPDATE operators SET pin_hash = ?, pin_salt = ?, pin_params = ? WHERE id = ?').run(plain, salt, JSON.stringify({ N: 2 ** 15, r: 8, p: 1, keylen: 32 }), op.id)
    raw.close()

    const store = await openKycStore({ dataDir: storeDir, keyProvider: provider() })
    const stored = () => openDatabase({ file: join(storeDir, 'kyc-desk.sqlite') })
    const peek = stored()
    expect(peek.prepare(`SELECT json_extract(pin_params, '$.scheme') FROM operators`).pluck().get()).toBe('wrapped')
    expect((peek.prepare('SELECT pin_hash FROM operators').pluck().get() as Buffer).equals(plain)).toBe(false)
    peek.close()
    expect(await store.operators.verifyPin(op.id, '000000')).toBe(false)
    expect(await store.operators.verifyPin(op.id, '482913')).toBe(true)
    const after = stored()
    expect(after.prepare(`SELECT json_extract(pin_params, '$.scheme') FROM operators`).pluck().get()).toBe('peppered')
    after.close()
    expect(await store.operators.verifyPin(op.id, '482913')).toBe(true)
    store.close()
  })
})
