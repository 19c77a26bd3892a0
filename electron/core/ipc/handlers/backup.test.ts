import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import backupRefusals from '../../../../shared/i18n/backup-refusals'
import type { ChannelName, IpcResult, RequestOf, ResponseOf } from '../../../../shared/contract'
import { createCore, type Core } from '../../app/create-core'
import type { ExportFileRequest } from '../../ports'
import { createQueued, identity } from '../../queue/test-fixtures'
import { restoreBackup } from '../../backup/restore-backup'
import { KeyFileProvider } from '../../vault/key-file-provider'
import { dispatch } from '../dispatch'
import { originSenderPolicy } from '../sender-policy'

/** The Settings screen's backup, through dispatch as the window calls it, over a real core. */
const origin = 'app://kyc-desk'
const policy = originSenderPolicy([origin])
let dir: string
let core: Core
let saveAs: string | null = null
/** A folder the save dialog's copy fails in (a read-only share). */
const unwritable = '/mnt/read-only/backup.kdbackup'
const offered: ExportFileRequest[] = []
/** 17:30 UTC is already half past one the next morning at a branch in Shanghai. */
const now = Date.UTC(2026, 0, 5, 17, 30, 0)

async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return (await dispatch(core.handlers, channel, request, `${origin}/index.html`, policy, core.log)) as IpcResult<ResponseOf<C>>
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-backup-channel-'))
  core = await createCore({
    dataDir: join(dir, 'app'),
    appVersion: '9.9.9-test',
    keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }),
    training: { api: 'http://127.0.0.1:9', admin: { fetch: () => Promise.reject(new Error('no sandbox here')) }, oss: 'http://127.0.0.1:9', bucket: 'b', users: [] },
    startSync: false,
    clock: () => now,
    fileExports: {
      exportFile: async (request) => {
        offered.push(request)
        if (saveAs === null) return { saved: false }
        if (saveAs === unwritable) throw Object.assign(new Error('EROFS: read-only file system, copyfile'), { code: 'EROFS' })
        copyFileSync(request.source, saveAs)
        return { saved: true, location: saveAs }
      },
    },
  })
  await core.operators.create('Lin', '246810')
  core.settings.update({ timeZone: 'Asia/Shanghai' })
  await createQueued(core.store)
}, 30_000)

afterAll(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

const outgoing = () => readdirSync(join(dir, 'app')).filter((name) => name.includes('outgoing') || name.includes('backup'))

describe('backup:create', () => {
  it('refuses a short passphrase with a reason the screen words, and writes nothing', async () => {
    const refused = await call('backup:create', { passphrase: 'too short' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', reason: { key: 'backup.passphraseTooShort', params: { min: 12 } } } })
    expect(offered).toHaveLength(0)
    expect(outgoing()).toEqual([])
  })

  it('a cancelled save dialog leaves nothing behind and records nothing', async () => {
    saveAs = null
    expect(await call('backup:create', { passphrase: 'the branch passphrase' })).toMatchObject({ ok: true, value: { saved: false } })
    expect(outgoing()).toEqual([])
    expect(core.store.events.listAfter(0, 1000).filter((e) => e.type === 'backup-created')).toEqual([])
  })

  it('a save that fails is worded for the screen, in both languages, and leaves nothing behind', async () => {
    saveAs = unwritable
    const failed = await call('backup:create', { passphrase: 'the branch passphrase' })
    expect(failed).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', reason: { key: 'backup.saveFailed' } } })
    expect(backupRefusals['zh-CN'].saveFailed).toBe('备份无法写入该位置，请选择其他文件夹')
    expect(outgoing()).toEqual([])
    expect(core.store.events.listAfter(0, 1000).filter((e) => e.type === 'backup-created')).toEqual([])
  })

  it('saves a backup where the admin chose, audited with counts only, which restores elsewhere', async () => {
    saveAs = join(dir, 'saved.kdbackup')
    const made = await call('backup:create', { passphrase: 'the branch passphrase' })
    expect(made).toMatchObject({ ok: true, value: { saved: true, fileName: 'saved.kdbackup', applicants: 1, images: 3 } })
    // Named in the branch's time zone, like the exports and the log export.
    expect(offered.at(-1)?.defaultName).toBe('kyc-desk-backup-20260106-013000.kdbackup')
    expect(outgoing()).toEqual([])
    const audited = core.store.events.listAfter(0, 1000).filter((e) => e.type === 'backup-created')
    expect(audited).toHaveLength(1)
    expect(audited[0]?.details).toMatchObject({ applicants: 1, images: 3, via: 'app' })
    expect(JSON.stringify(audited[0])).not.toContain(identity.documentNumber)
    expect(readFileSync(saveAs).includes(Buffer.from(identity.documentNumber))).toBe(false)
    const target = join(dir, 'other-pc')
    await restoreBackup({ file: saveAs, passphrase: 'the branch passphrase', targetDir: target, keyProviderFor: (folder) => new KeyFileProvider({ file: join(folder, 'k') }), now: Date.now })
    expect(existsSync(join(target, 'kyc-desk.sqlite'))).toBe(true)
  })
})
