import type * as NodeFs from 'node:fs'
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import backupRefusals from '../../../shared/i18n/backup-refusals'
import { createQueued, openTestStore, type TestStore } from '../queue/test-fixtures'
import { KeyFileProvider } from '../vault/key-file-provider'
import { createBackup } from './create-backup'
import { restoreBackup } from './restore-backup'

/** A disk that fills up once `full` names the file being written: the write fails with ENOSPC, as fs reports it. */
const disk = vi.hoisted(() => ({ full: (_path: string): boolean => false }))
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>()
  return {
    ...fs,
    createWriteStream: (path: string, options?: Parameters<typeof fs.createWriteStream>[1]) => {
      if (!disk.full(path)) return fs.createWriteStream(path, options)
      // The write is accepted and fails later, as a real disk's does: while the restore waits for
      // the next chunk, not while it waits for the stream to drain.
      return new Writable({
        write(_chunk, _encoding, done) {
          setImmediate(() => done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' })))
        },
      })
    },
  }
})

const passphrase = 'correct horse battery staple'
let source: TestStore
let work: string
let backupFile: string

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kyc-backup-full-'))
  const keyProvider = new KeyFileProvider({ file: join(work, 'source.kek') })
  source = await openTestStore({ keyProvider })
  await createQueued(source.store)
  backupFile = join(work, 'queue.kdbackup')
  // Small chunks: the database spans many, so the failed write happens while the next is awaited.
  await createBackup({ dataDir: source.dir, keyProvider, passphrase, out: backupFile, appVersion: '1.2.3', now: () => 1_700_000_000_000, kdf: { N: 2 ** 15, r: 8, p: 1 }, chunkSize: 1024 })
})
afterAll(() => {
  source.cleanup()
  rmSync(work, { recursive: true, force: true })
})

describe('a restore onto a disk that fills up', () => {
  it('is refused as a full disk, in both languages, and leaves no half-built folder', async () => {
    disk.full = (path) => path.includes('.restoring-') && path.endsWith('kyc-desk.sqlite')
    const target = join(work, 'restored')
    const refused = restoreBackup({ file: backupFile, passphrase, targetDir: target, keyProviderFor: (folder) => new KeyFileProvider({ file: join(folder, 'k') }), now: Date.now })
    await expect(refused).rejects.toMatchObject({ code: 'diskFull', params: { detail: expect.stringContaining('ENOSPC') } })
    const error = await refused.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/^backup refused: diskFull/)
    expect(backupRefusals['zh-CN'].diskFull).toMatch(/^磁盘空间已满，恢复已停止/)
    expect(existsSync(target)).toBe(false)
    expect(readdirSync(work).filter((name) => name.includes('restoring'))).toEqual([])
  })
})
