import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataKeyError, loadDataKey, rewrapDataKey } from './data-key'
import { EnvKeyProvider } from './env-key-provider'
import { KeyFileProvider } from './key-file-provider'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-datakey-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))
const now = () => 1_700_000_000_000

describe('data key', () => {
  it('is created once, stored only wrapped, and loads back the same', async () => {
    const file = join(dir, 'data-key.json')
    const provider = new KeyFileProvider({ file: join(dir, 'kek') })
    const first = await loadDataKey({ file, provider, allowCreate: true, now })
    expect(first.created).toBe(true)
    const stored = readFileSync(file)
    expect(stored.includes(first.key)).toBe(false)
    expect(stored.toString()).not.toContain(first.key.toString('base64'))
    expect(stored.toString()).not.toContain(first.key.toString('hex'))
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600)
    const again = await loadDataKey({ file, provider, allowCreate: true, now })
    expect(again).toMatchObject({ created: false, keyId: first.keyId })
    expect(again.key).toEqual(first.key)
  })

  it('refuses to make a new key when the database already has encrypted data', async () => {
    const provider = new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') })
    await expect(loadDataKey({ file: join(dir, 'data-key.json'), provider, allowCreate: false, now })).rejects.toThrow(DataKeyError)
  })

  it('names the provider when the wrong one is used', async () => {
    const file = join(dir, 'data-key.json')
    await loadDataKey({ file, provider: new KeyFileProvider({ file: join(dir, 'kek') }), allowCreate: true, now })
    const env = new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') })
    await expect(loadDataKey({ file, provider: env, allowCreate: true, now })).rejects.toThrow(/wrapped by key-file.*env/)
  })

  it('re-wraps the same data key under another provider', async () => {
    const file = join(dir, 'data-key.json')
    const from = new KeyFileProvider({ file: join(dir, 'kek') })
    const to = new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') })
    const original = await loadDataKey({ file, provider: from, allowCreate: true, now })
    await rewrapDataKey({ file, from, to, now })
    const after = await loadDataKey({ file, provider: to, allowCreate: false, now })
    expect(after.key).toEqual(original.key)
    await expect(loadDataKey({ file, provider: from, allowCreate: false, now })).rejects.toThrow(DataKeyError)
  })
})
