import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EnvKeyProvider } from './env-key-provider'
import { KeyFileError, KeyFileProvider } from './key-file-provider'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-keys-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const posix = process.platform !== 'win32'

describe('KeyFileProvider', () => {
  it('creates a 0600 key file on first wrap and unwraps what it wrapped', async () => {
    const file = join(dir, 'kek')
    const provider = new KeyFileProvider({ file })
    const dataKey = randomBytes(32)
    const wrapped = await provider.wrap(dataKey)
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readFileSync(file)).toHaveLength(32)
    expect(wrapped.includes(dataKey)).toBe(false)
    expect(await new KeyFileProvider({ file }).unwrap(wrapped)).toEqual(dataKey)
    expect(provider.describe()).toMatchObject({ kind: 'key-file' })
  })

  it.runIf(posix)('refuses a key file readable by group or others', async () => {
    const file = join(dir, 'kek')
    const provider = new KeyFileProvider({ file })
    const wrapped = await provider.wrap(randomBytes(32))
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      chmodSync(file, mode)
      await expect(provider.unwrap(wrapped)).rejects.toThrow(KeyFileError)
      await expect(provider.wrap(randomBytes(32))).rejects.toThrow(/chmod 600/)
    }
    chmodSync(file, 0o400)
    await expect(provider.unwrap(wrapped)).resolves.toHaveLength(32)
  })

  it('does not create a key file to unwrap, nor when told not to', async () => {
    const file = join(dir, 'missing')
    await expect(new KeyFileProvider({ file }).unwrap(randomBytes(60))).rejects.toThrow(/ENOENT/)
    await expect(new KeyFileProvider({ file, create: false }).wrap(randomBytes(32))).rejects.toThrow(/ENOENT/)
  })

  it('fails to unwrap with another key file, and refuses a key of the wrong size', async () => {
    const wrapped = await new KeyFileProvider({ file: join(dir, 'a') }).wrap(randomBytes(32))
    await expect(new KeyFileProvider({ file: join(dir, 'b') }).wrap(randomBytes(32))).resolves.toBeDefined()
    await expect(new KeyFileProvider({ file: join(dir, 'b') }).unwrap(wrapped)).rejects.toThrow()
    writeFileSync(join(dir, 'short'), randomBytes(16), { mode: 0o600 })
    await expect(new KeyFileProvider({ file: join(dir, 'short') }).unwrap(wrapped)).rejects.toThrow(/32-byte/)
  })

  it('two providers racing to create the key end up with one key', async () => {
    const file = join(dir, 'kek')
    const a = new KeyFileProvider({ file })
    const b = new KeyFileProvider({ file })
    const dataKey = randomBytes(32)
    const [wa, wb] = await Promise.all([a.wrap(dataKey), b.wrap(dataKey)])
    expect(await a.unwrap(wb)).toEqual(dataKey)
    expect(await b.unwrap(wa)).toEqual(dataKey)
  })
})

describe('EnvKeyProvider', () => {
  const kek = randomBytes(32)

  it.each([
    ['hex', kek.toString('hex')],
    ['base64', kek.toString('base64')],
    ['base64url', kek.toString('base64url')],
  ])('accepts a %s key and round-trips', async (_name, value) => {
    const provider = new EnvKeyProvider({ KYC_DESK_KEY: value })
    const dataKey = randomBytes(32)
    const other = new EnvKeyProvider({ KYC_DESK_KEY: kek.toString('hex') })
    expect(await other.unwrap(await provider.wrap(dataKey))).toEqual(dataKey)
  })

  it('refuses a missing or malformed key without echoing it', () => {
    expect(() => new EnvKeyProvider({})).toThrow(/not set/)
    const bad = 'secret-value-that-is-not-a-key'
    expect(() => new EnvKeyProvider({ KYC_DESK_KEY: bad })).toThrow(/32 bytes/)
    try {
      new EnvKeyProvider({ KYC_DESK_KEY: bad })
    } catch (error) {
      expect(String(error)).not.toContain(bad)
    }
    expect(() => new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(16).toString('hex') })).toThrow()
  })

  it('fails to unwrap under another key', async () => {
    const wrapped = await new EnvKeyProvider({ KYC_DESK_KEY: kek.toString('hex') }).wrap(randomBytes(32))
    await expect(new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }).unwrap(wrapped)).rejects.toThrow()
  })
})
