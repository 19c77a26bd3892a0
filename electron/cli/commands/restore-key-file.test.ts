import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { BackupRefusal } from '../../core/backup/backup-refusal'
import type * as RestoreModule from '../../core/backup/restore-backup'
import type { RestoreBackupOptions } from '../../core/backup/restore-backup'
import { main } from '../main'

/** A restore that fails after it has wrapped the data key under this PC's key, as a database that will not open does. */
vi.mock('../../core/backup/restore-backup', async (importOriginal) => ({
  ...(await importOriginal<typeof RestoreModule>()),
  inspectBackup: () => Promise.resolve({ createdAt: 1_700_000_000_000, appVersion: '1.2.3', schemaVersion: 1 }),
  restoreBackup: async (options: RestoreBackupOptions) => {
    await options.keyProviderFor(join(options.targetDir, '..', '.building')).wrap(randomBytes(32))
    throw new BackupRefusal('databaseFailed', { detail: 'SQLITE_CORRUPT: database disk image is malformed' })
  },
}))

const dir = mkdtempSync(join(tmpdir(), 'kyc-restore-key-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function restoreWith(keyFile: string) {
  let stderr = ''
  const sink = new Writable({ write: (_c, _e, done) => done() })
  const err = new Writable({
    write(chunk: Buffer, _e, done) {
      stderr += chunk.toString()
      done()
    },
  })
  const backupFile = join(dir, 'queue.kdbackup')
  writeFileSync(backupFile, 'stands in for a backup')
  const code = await main(['restore', backupFile, '--data', join(dir, 'new-pc'), '--key-file', keyFile], { stdout: sink, stderr: err, env: { KYC_DESK_BACKUP_PASSPHRASE: 'branch 7 moves on Friday' } })
  return { code, stderr }
}

describe('kyc-desk restore --key-file when the restore fails', () => {
  it('removes the key file it created, with nothing to guard', async () => {
    const keyFile = join(dir, 'made-by-this-run.key')
    const failed = await restoreWith(keyFile)
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining('The restored database could not be opened; nothing was restored (SQLITE_CORRUPT') })
    expect(existsSync(keyFile)).toBe(false)
  })

  it('keeps a key file that was there before', async () => {
    const keyFile = join(dir, 'already-there.key')
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 })
    const before = readFileSync(keyFile)
    expect((await restoreWith(keyFile)).code).toBe(1)
    expect(readFileSync(keyFile).equals(before)).toBe(true)
  })
})
