import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger'
import { Redactor } from '../log/redact'
import type { FileExportPort } from '../ports'
import { createQueued, openTestStore, type TestStore } from '../queue/test-fixtures'
import { KeyFileProvider } from '../vault/key-file-provider'
import { exportBackup, type BackupExportDeps } from './export-backup'

let t: TestStore
let work: string
let key: KeyFileProvider
beforeEach(async () => {
  work = mkdtempSync(join(tmpdir(), 'kyc-export-backup-'))
  key = new KeyFileProvider({ file: join(work, 'kek') })
  t = await openTestStore({ keyProvider: key })
  await createQueued(t.store)
})
afterEach(() => {
  t.cleanup()
  rmSync(work, { recursive: true, force: true })
})

const deps = (exports: FileExportPort): BackupExportDeps => ({
  dataDir: t.dir,
  keyProvider: key,
  appVersion: '1.2.3',
  exports,
  audit: t.store.events,
  clock: () => t.clock.now,
  timeZone: () => 'Asia/Shanghai',
  log: createLogger({ redactor: new Redactor() }),
})
const audited = () => t.store.events.listAfter(0, 100).filter((e) => e.type === 'backup-created')
const leftovers = () => readdirSync(t.dir).filter((name) => name.startsWith('.outgoing-'))

describe('exporting a backup', () => {
  it('records a saved backup with its counts and the operator, and leaves no copy behind', async () => {
    const saveAs = join(work, 'saved.kdbackup')
    const result = await exportBackup(deps({ exportFile: (request) => (copyFileSync(request.source, saveAs), Promise.resolve({ saved: true, location: saveAs })) }), 'the branch passphrase', 'op-1')
    expect(result).toEqual({ saved: true, fileName: 'saved.kdbackup', applicants: 1, images: 3 })
    expect(audited()).toEqual([expect.objectContaining({ operatorId: 'op-1', details: expect.objectContaining({ applicants: 1, images: 3, via: 'app' }) })])
    expect(leftovers()).toEqual([])
  })

  it('records nothing when the save dialog is cancelled', async () => {
    expect(await exportBackup(deps({ exportFile: () => Promise.resolve({ saved: false }) }), 'the branch passphrase', 'op-1')).toMatchObject({ saved: false })
    expect(audited()).toEqual([])
    expect(leftovers()).toEqual([])
  })
})
