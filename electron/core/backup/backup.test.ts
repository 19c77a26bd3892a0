import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { migrations } from '../db/migrations'
import { openKycStore } from '../queue/store'
import { binding, createQueued, identity, openTestStore, passportIdentity, type TestStore } from '../queue/test-fixtures'
import { KeyFileProvider } from '../vault/key-file-provider'
import type { KeyProvider } from '../vault/key-provider'
import { encodeHeader, readHeader, type BackupHeader } from './backup-format'
import { createBackup } from './create-backup'
import { inspectBackup, restoreBackup } from './restore-backup'
import { restoreFailure } from './restore-failure'

// The cheapest parameters a restore accepts, so the suite stays quick; the header records them.
const kdf = { N: 2 ** 15, r: 8, p: 1 }
const passphrase = 'correct horse battery staple'
const chunkSize = 4096

let source: TestStore
let sourceKey: KeyFileProvider
let work: string
let backupFile: string
let ids: string[]

beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'kyc-backup-'))
  sourceKey = new KeyFileProvider({ file: join(work, 'source.kek') })
  source = await openTestStore({ keyProvider: sourceKey })
  ids = [await createQueued(source.store), await createQueued(source.store, passportIdentity)]
  backupFile = join(work, 'queue.kdbackup')
})
afterEach(() => {
  source.cleanup()
  rmSync(work, { recursive: true, force: true })
})

const backup = (overrides: { passphrase?: string; out?: string } = {}) =>
  createBackup({
    dataDir: source.dir,
    keyProvider: sourceKey,
    passphrase: overrides.passphrase ?? passphrase,
    out: overrides.out ?? backupFile,
    appVersion: '1.2.3',
    now: () => 1_700_000_000_000,
    kdf,
    chunkSize,
  })

const keyFileIn = (folder: string) => join(folder, 'kyc-desk.key')
const restore = (overrides: { passphrase?: string; file?: string; target?: string } = {}) =>
  restoreBackup({
    file: overrides.file ?? backupFile,
    passphrase: overrides.passphrase ?? passphrase,
    targetDir: overrides.target ?? join(work, 'restored'),
    keyProviderFor: (folder) => new KeyFileProvider({ file: keyFileIn(folder) }),
    now: () => 1_700_000_500_000,
  })

/** Nothing was left behind: no target, no half-built folder beside it. */
function expectNothingRestored(): void {
  expect(existsSync(join(work, 'restored'))).toBe(false)
  expect(readdirSync(work).filter((name) => name.includes('restoring'))).toEqual([])
}

describe('a backup restored on another PC', () => {
  it('brings back every applicant, image, setting and the audit trail, under the new PC key', async () => {
    source.store.settings.set('test.marker', 'kept', 1)
    const admin = await source.store.operators.create('Lin', '246810', 1, { role: 'admin' })
    const summary = await backup()
    expect(summary).toMatchObject({ applicants: 2, images: 6, schemaVersion: migrations.length })
    const restored = await restore()
    expect(restored).toMatchObject({ applicants: 2, images: 6, backupAppVersion: '1.2.3', backupCreatedAt: 1_700_000_000_000 })

    const target = join(work, 'restored')
    const store = await openKycStore({ dataDir: target, keyProvider: new KeyFileProvider({ file: keyFileIn(target), create: false }) })
    try {
      const first = store.applicants.get(ids[0] ?? '')
      if (first?.stage !== 'queued') throw new Error('not restored')
      expect(first.identity).toEqual(identity)
      expect(first.binding).toEqual(binding)
      const original = source.store.applicants.get(ids[0] ?? '')
      if (original?.stage !== 'queued') throw new Error('no original')
      expect(await store.images.get(first.images.front.sha256)).toEqual(await source.store.images.get(original.images.front.sha256))
      expect(store.settings.get('test.marker', z.string())).toBe('kept')
      // PIN hashes are keyed by the data key: the same key travels, so the same PIN signs in.
      expect(await store.operators.verifyPin(admin.id, '246810')).toBe(true)
      expect(store.events.listAfter(0, 1000).filter((e) => e.type === 'backup-restored')).toEqual([
        expect.objectContaining({ details: { backupCreatedAt: 1_700_000_000_000, backupAppVersion: '1.2.3', applicants: 2, images: 6 } }),
      ])
    } finally {
      store.close()
    }
    // The data key is wrapped under the new key file, not the old one.
    expect(readFileSync(join(target, 'data-key.json'), 'utf8')).toContain('"provider": "key-file"')
    await expect(openKycStore({ dataDir: target, keyProvider: new KeyFileProvider({ file: join(work, 'source.kek'), create: false }) })).rejects.toThrow()
  })

  it('holds no personal data in the clear: no name, ID number, token or JPEG bytes', async () => {
    await backup()
    const bytes = readFileSync(backupFile)
    const secrets = [identity.documentNumber, identity.surname, identity.givenName, passportIdentity.documentNumber, passportIdentity.surname, binding.token, binding.uid]
    for (const secret of secrets) expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false)
    expect(bytes.includes(Buffer.from('JFIF'))).toBe(false)
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false)
    // And no plaintext copy is left in the data folder.
    expect(readdirSync(source.dir).filter((name) => name.includes('backup'))).toEqual([])
  })

  it('reads its header before the passphrase, with the schema and app version', async () => {
    await backup()
    expect(await inspectBackup(backupFile)).toMatchObject({ app: 'kyc-desk', appVersion: '1.2.3', schemaVersion: migrations.length, kdf: { name: 'scrypt', N: 2 ** 15 } })
  })
})

describe('refusals that change nothing', () => {
  it('a passphrase too short is refused before anything is written', async () => {
    await expect(backup({ passphrase: 'short pass' })).rejects.toMatchObject({ code: 'passphraseTooShort', params: { min: 12 } })
    expect(existsSync(backupFile)).toBe(false)
  })

  it('a wrong passphrase', async () => {
    await backup()
    await expect(restore({ passphrase: 'not the passphrase at all' })).rejects.toMatchObject({ code: 'wrongPassphrase' })
    expectNothingRestored()
  })

  it('a truncated backup: inside a chunk, at a chunk boundary, inside the header', async () => {
    await backup()
    const whole = readFileSync(backupFile)
    const headerLength = (await readHeader(async (length, position) => whole.subarray(position, position + length))).raw.length
    const frame = 5 + chunkSize + 16
    for (const cut of [whole.length - 100, headerLength + 2 * frame, headerLength + frame + 3, 20]) {
      const file = join(work, `cut-${cut}.kdbackup`)
      writeFileSync(file, whole.subarray(0, cut))
      await expect(restore({ file }), `cut at ${cut}`).rejects.toMatchObject({ code: 'truncated' })
      expectNothingRestored()
    }
  })

  it('a corrupted chunk, named by its number', async () => {
    await backup()
    const bytes = readFileSync(backupFile)
    const headerLength = (await readHeader(async (length, position) => bytes.subarray(position, position + length))).raw.length
    const inSecondChunk = headerLength + (5 + chunkSize + 16) + 100
    bytes[inSecondChunk] = (bytes[inSecondChunk] ?? 0) ^ 0x01
    writeFileSync(backupFile, bytes)
    await expect(restore()).rejects.toMatchObject({ code: 'corrupted', params: { chunk: 2 } })
    expectNothingRestored()
  })

  it('a backup from a newer schema, before the passphrase is even tried', async () => {
    await backup()
    const bytes = readFileSync(backupFile)
    const parsed = await readHeader(async (length, position) => bytes.subarray(position, position + length))
    const newer = encodeHeader({ ...parsed.header, schemaVersion: migrations.length + 1 })
    writeFileSync(backupFile, Buffer.concat([newer, bytes.subarray(parsed.raw.length)]))
    await expect(inspectBackup(backupFile)).rejects.toMatchObject({ code: 'newerSchema', params: { found: migrations.length + 1, supported: migrations.length } })
    await expect(restore({ passphrase: 'wrong wrong wrong' })).rejects.toMatchObject({ code: 'newerSchema' })
    expectNothingRestored()
  })

  it('a header edited to look older fails its check', async () => {
    await backup()
    const bytes = readFileSync(backupFile)
    const parsed = await readHeader(async (length, position) => bytes.subarray(position, position + length))
    const edited = encodeHeader({ ...parsed.header, appVersion: '0.0.1' })
    writeFileSync(backupFile, Buffer.concat([edited, bytes.subarray(parsed.raw.length)]))
    await expect(restore()).rejects.toMatchObject({ code: 'corrupted', params: { chunk: 1 } })
  })

  it('a target folder that already holds a queue, which stays as it was', async () => {
    await backup()
    const other = await openTestStore()
    try {
      const before = other.store.applicants.list().total
      await expect(restore({ target: other.dir })).rejects.toMatchObject({ code: 'targetHasQueue' })
      expect(other.store.applicants.list().total).toBe(before)
      expect(existsSync(join(other.dir, 'kyc-desk.key'))).toBe(false)
    } finally {
      other.cleanup()
    }
  })

  it('a folder with other files; an empty one is fine', async () => {
    await backup()
    const target = join(work, 'restored')
    mkdirSync(target)
    writeFileSync(join(target, 'notes.txt'), 'x')
    await expect(restore()).rejects.toMatchObject({ code: 'targetNotEmpty' })
    rmSync(join(target, 'notes.txt'))
    await expect(restore()).resolves.toMatchObject({ applicants: 2 })
  })

  it('a newer file format, and a header asking for an unbounded scrypt cost', async () => {
    await backup()
    const bytes = readFileSync(backupFile)
    const newer = Buffer.from(bytes)
    newer.writeUInt16BE(2, 16)
    writeFileSync(backupFile, newer)
    await expect(restore()).rejects.toMatchObject({ code: 'newerFormat', params: { found: 2, supported: 1 } })
    const parsed = await readHeader(async (length, position) => bytes.subarray(position, position + length))
    const greedy = encodeHeader({ ...parsed.header, kdf: { ...parsed.header.kdf, N: 2 ** 30 } })
    writeFileSync(backupFile, Buffer.concat([greedy, bytes.subarray(parsed.raw.length)]))
    await expect(restore()).rejects.toMatchObject({ code: 'corrupted', params: { chunk: 0 } })
    expectNothingRestored()
  })

  it('a file that is not a backup', async () => {
    writeFileSync(backupFile, 'SQLite format 3\0 and then some')
    await expect(restore()).rejects.toMatchObject({ code: 'notABackup' })
    truncateSync(backupFile, 0)
    await expect(restore()).rejects.toMatchObject({ code: 'notABackup' })
    expectNothingRestored()
  })
})

describe('a restore after one that crashed', () => {
  it('removes the half-built folder of the same target, and old ones of others beside it', async () => {
    await backup()
    const at = (ms: number) => ms / 1000
    const leftover = (name: string, ageMs: number) => {
      const path = join(work, name)
      mkdirSync(join(path, 'images', 'ab'), { recursive: true })
      writeFileSync(join(path, 'kyc-desk.sqlite'), 'half written')
      utimesSync(path, at(1_700_000_500_000 - ageMs), at(1_700_000_500_000 - ageMs))
    }
    leftover('.restored.restoring-0123456789ab', 60_000)
    leftover('.other.restoring-0123456789ab', 2 * 24 * 60 * 60_000)
    leftover('.running.restoring-0123456789ab', 60_000)
    await expect(restore()).resolves.toMatchObject({ applicants: 2 })
    expect(readdirSync(work).filter((name) => name.includes('restoring'))).toEqual(['.running.restoring-0123456789ab'])
  })
})

describe('failures of this PC during a restore, worded for the operator', () => {
  it('a key that cannot wrap the data key: keyFailed with the raw reason as detail, nothing left', async () => {
    await backup()
    const broken: KeyProvider = {
      wrap: () => Promise.reject(new Error('KYC_DESK_KEY must be 32 bytes')),
      unwrap: () => Promise.reject(new Error('unused')),
      describe: () => ({ kind: 'env', secure: true }),
    }
    const refused = restoreBackup({ file: backupFile, passphrase, targetDir: join(work, 'restored'), keyProviderFor: () => broken, now: Date.now })
    await expect(refused).rejects.toMatchObject({ code: 'keyFailed', params: { detail: 'KYC_DESK_KEY must be 32 bytes' } })
    expectNothingRestored()
  })

  it('a missing backup file as a file-system failure; a plain bug goes on up unworded', async () => {
    await expect(restore({ file: join(work, 'absent.kdbackup') })).rejects.toMatchObject({ code: 'fileSystemFailed', params: { detail: expect.stringContaining('ENOENT') } })
    const bug = new TypeError('x is undefined')
    expect(restoreFailure(bug)).toBe(bug)
    expect(restoreFailure(bug, 'databaseFailed')).toMatchObject({ code: 'databaseFailed', params: { detail: 'x is undefined' } })
    expect(restoreFailure(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', syscall: 'open' }), 'databaseFailed')).toMatchObject({ code: 'noAccess' })
  })
})

describe('a crafted header is refused before any scrypt work', () => {
  /** The backup with its header changed by `edit`, re-encoded as an attacker would. */
  async function craft(edit: (header: BackupHeader) => unknown): Promise<void> {
    const bytes = readFileSync(backupFile)
    const parsed = await readHeader(async (length, position) => bytes.subarray(position, position + length))
    const json = Buffer.from(JSON.stringify(edit(parsed.header)), 'utf8')
    const prefix = Buffer.from(parsed.raw.subarray(0, 22))
    prefix.writeUInt32BE(json.length, 18)
    writeFileSync(backupFile, Buffer.concat([prefix, json, bytes.subarray(parsed.raw.length)]))
  }

  it('scrypt costs outside N 2^15..2^18, r 8, p 1..2 and 256 MiB of work', async () => {
    await backup()
    const original = readFileSync(backupFile)
    const costly: Array<Record<string, number>> = [{ N: 2 ** 19 }, { N: 2 ** 20, r: 32, p: 16 }, { N: 2 ** 14 }, { r: 16 }, { r: 1 }, { p: 3 }, { N: 2 ** 18, p: 2 }, { N: 3 * 2 ** 15 }]
    for (const kdfEdit of costly) {
      writeFileSync(backupFile, original)
      await craft((header) => ({ ...header, kdf: { ...header.kdf, ...kdfEdit } }))
      await expect(restore(), JSON.stringify(kdfEdit)).rejects.toMatchObject({ code: 'corrupted', params: { chunk: 0 } })
      expectNothingRestored()
    }
  })

  it('a creation time no date can hold, and an app version with terminal escapes', async () => {
    await backup()
    const original = readFileSync(backupFile)
    await craft((header) => ({ ...header, createdAt: 8.64e15 + 1 }))
    await expect(inspectBackup(backupFile)).rejects.toMatchObject({ code: 'corrupted', params: { chunk: 0 } })
    for (const appVersion of ['1.2.3\u001b]0;owned\u0007', '1.2.3\u001b[2J', '', 'x'.repeat(65), '1.2 3']) {
      writeFileSync(backupFile, original)
      await craft((header) => ({ ...header, appVersion }))
      await expect(inspectBackup(backupFile), JSON.stringify(appVersion)).rejects.toMatchObject({ code: 'corrupted', params: { chunk: 0 } })
    }
    writeFileSync(backupFile, original)
    await craft((header) => ({ ...header, createdAt: 8.64e15, appVersion: '10.0.0-beta.1+build_7' }))
    expect(await inspectBackup(backupFile)).toMatchObject({ createdAt: 8.64e15 })
  })
})
