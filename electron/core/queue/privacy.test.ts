import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { submissionSteps } from '../../../shared/domain/steps'
import { Vault } from '../vault/vault'
import { binding, createQueued, identity, openTestStore, passportIdentity, runSteps, type TestStore } from './test-fixtures'

let t: TestStore
beforeEach(async () => {
  t = await openTestStore()
})
afterEach(() => {
  vi.restoreAllMocks()
  t.cleanup()
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

const secrets = [
  identity.documentNumber,
  `${identity.surname}${identity.givenName}`,
  identity.surname,
  identity.givenName,
  passportIdentity.documentNumber,
  passportIdentity.surname,
  passportIdentity.givenName,
  binding.token,
  binding.uid,
  'vt_secret_0011223344',
]

describe('at rest', () => {
  it('the database, its WAL and the images folder hold no ID number, name, token or JPEG', async () => {
    const a = await createQueued(t.store)
    const b = await createQueued(t.store, passportIdentity)
    runSteps(t.store, a, submissionSteps)
    t.store.steps.requestLiveness(a, null)
    runSteps(t.store, a, ['liveness:token'])
    runSteps(t.store, b, ['sts', 'upload:front'])
    await t.store.applicants.update(b, { identity: { ...passportIdentity, givenName: 'PERCIVAL' } }, null)
    // Read while open (WAL not yet checkpointed), then after close (checkpointed into the file).
    const scan = (expectWal: boolean) => {
      const files = filesUnder(t.dir).filter((f) => !f.endsWith('data-key.json'))
      expect(files.some((f) => f.endsWith('.sqlite-wal'))).toBe(expectWal)
      expect(files.filter((f) => f.endsWith('.bin'))).toHaveLength(6)
      for (const file of files) {
        const bytes = readFileSync(file)
        for (const secret of secrets) expect(bytes.includes(Buffer.from(secret, 'utf8')), `${secret} in ${file}`).toBe(false)
        expect(bytes.includes(Buffer.from([0xff, 0xd8, 0xff])), `JPEG signature in ${file}`).toBe(false)
        expect(bytes.includes(Buffer.from('JFIF')), `JFIF in ${file}`).toBe(false)
      }
    }
    scan(true)
    t.store.close()
    scan(false)
  })
})

describe('listing does not decrypt', () => {
  it('list and countsByStatus never open a field or a file', async () => {
    const id = await createQueued(t.store)
    await createQueued(t.store, passportIdentity)
    runSteps(t.store, id, ['sts'])
    const openField = vi.spyOn(Vault.prototype, 'openField')
    const openFile = vi.spyOn(Vault.prototype, 'openFile')
    const page = t.store.applicants.list({ search: '欧*' })
    expect(page.items).toHaveLength(1)
    expect(page.items[0]?.label).toBe('欧* ····002X')
    t.store.applicants.list({ status: 'syncing' })
    t.store.applicants.countsByStatus()
    t.store.steps.dueApplicants(t.clock.now, 10)
    expect(openField).not.toHaveBeenCalled()
    expect(openFile).not.toHaveBeenCalled()
    // The spy is live: a decrypting call is seen.
    t.store.applicants.get(id)
    expect(openField).toHaveBeenCalled()
  })

  it('works with a key provider that stops unwrapping after start-up', async () => {
    let allowed = true
    const inner = (await import('./test-fixtures')).testKeyProvider()
    const provider = {
      wrap: (k: Buffer) => inner.wrap(k),
      unwrap: (w: Buffer) => (allowed ? inner.unwrap(w) : Promise.reject(new Error('keychain locked'))),
      describe: () => inner.describe(),
    }
    const locked = await openTestStore({ keyProvider: provider })
    try {
      await createQueued(locked.store)
      allowed = false
      expect(locked.store.applicants.list().total).toBe(1)
      expect(locked.store.applicants.countsByStatus().queued).toBe(1)
      await expect(locked.reopen()).rejects.toThrow(/does not unwrap/)
    } finally {
      allowed = true
      await locked.reopen()
      locked.cleanup()
    }
  })
})

describe('ciphertexts are bound to their row', () => {
  it('an identity blob copied onto another applicant does not open there', async () => {
    const a = await createQueued(t.store)
    const b = await createQueued(t.store, passportIdentity)
    t.store.close()
    const Database = (await import('better-sqlite3')).default
    const db = new Database(join(t.dir, 'kyc-desk.sqlite'))
    db.prepare('UPDATE applicants SET identity_enc = (SELECT identity_enc FROM applicants WHERE id = ?) WHERE id = ?').run(a, b)
    db.close()
    const store = await t.reopen()
    expect(store.applicants.get(a)).toMatchObject({ identity })
    expect(() => store.applicants.get(b)).toThrow(/does not open/)
  })

  it('a different data key file is refused at open instead of failing row by row', async () => {
    await createQueued(t.store)
    t.store.close()
    const { rmSync } = await import('node:fs')
    rmSync(join(t.dir, 'data-key.json'))
    await expect(t.reopen()).rejects.toThrow(/missing but the database holds encrypted data/)
  })
})
