import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
import { applicants, csvText, imageFolder, manifestRows, recordOf, writeCsv } from '../../core/intake/import/test-fixtures/manifests'
import { main } from '../main'
import { capture } from '../test-support/capture-output'

/** No KYC_DESK_KEY: each folder's own key file, as on branch PCs set up by IT. */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = capture()
  const err = capture()
  const code = await main(argv, { stdout: out.stream, stderr: err.stream, env })
  return { code, stdout: out.text(), stderr: err.text() }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('kyc-desk backup on one PC, kyc-desk restore on another, then sync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-backup-cli-'))
  const oldPc = join(dir, 'old-pc')
  const newPc = join(dir, 'new-pc')
  const backupFile = join(dir, 'branch.kdbackup')
  const passphraseFile = join(dir, 'passphrase.txt')
  const two = applicants.slice(0, 2)
  let sandbox: RunningSandbox
  let madeAt = 0

  beforeAll(async () => {
    sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0, dataDir: join(dir, 'sandbox') })
    for (const a of two) {
      const response = await sandbox.admin.fetch(`/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: a.uid, token: a.token }) })
      expect(response.status).toBe(201)
    }
    const folder = await imageFolder(two)
    const manifest = join(folder.dir, 'branch.csv')
    writeCsv(manifest, csvText(manifestRows(two.map(recordOf))), 'utf-8')
    writeFileSync(passphraseFile, 'branch 7 moves on Friday\n', { mode: 0o600 })
    expect((await run(['init', '--data', oldPc, '--platform', sandbox.api, '--oss-endpoint', sandbox.oss])).code).toBe(0)
    expect((await run(['operators', 'add', '--data', oldPc, '--name', 'Lin'])).code).toBe(0)
    const imported = await run(['import', '--data', oldPc, '--manifest', manifest, '--images', folder.images, '--queue', '--consent', 'pipl-2024-01'])
    expect(imported.stdout).toContain('2 imported, 0 rejected')
  })
  afterAll(async () => {
    await sandbox?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('refuses a passphrase given as an argument, or too short', async () => {
    expect((await run(['backup', '--data', oldPc, '--out', backupFile, '--passphrase', 'branch 7 moves on Friday'])).code).toBe(2)
    const short = join(dir, 'short.txt')
    writeFileSync(short, 'eleven char')
    const refused = await run(['backup', '--data', oldPc, '--out', backupFile, '--passphrase-file', short])
    expect(refused).toMatchObject({ code: 1, stderr: 'kyc-desk backup: The backup passphrase must be at least 12 characters\n' })
    expect(existsSync(backupFile)).toBe(false)
  })

  it('writes a backup that holds no applicant name, ID number or token in the clear', async () => {
    madeAt = Date.now()
    const made = await run(['backup', '--data', oldPc, '--out', backupFile, '--passphrase-file', passphraseFile], { LANG: 'C' })
    expect(made).toMatchObject({ code: 0, stderr: '' })
    expect(made.stdout).toMatch(new RegExp(`^backup written to ${escape(backupFile)}: 2 applicants, 6 images, \\d+ bytes\nkeep the passphrase apart from the file: without it the backup cannot be opened\n$`))
    const zhFile = join(dir, 'zh.kdbackup')
    const madeZh = await run(['backup', '--data', oldPc, '--out', zhFile, '--passphrase-file', passphraseFile], { LANG: 'zh_CN.UTF-8' })
    expect(madeZh.stdout).toMatch(new RegExp(`^备份已写入 ${escape(zhFile)}：2 位申请人、6 张图片、\\d+ 字节\n请将备份密码与备份文件分开保管：没有密码，任何人都无法打开此备份\n$`))
    const bytes = readFileSync(backupFile)
    for (const a of two) {
      for (const secret of [a.person.surname + a.person.givenName, a.person.givenName, a.person.documentNumber, a.token, a.uid]) {
        expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false)
      }
    }
    expect(await run(['backup', '--data', oldPc, '--out', backupFile, '--passphrase-file', passphraseFile], { LANG: 'zh_CN.UTF-8' })).toMatchObject({
      code: 2,
      stderr: `kyc-desk backup: ${backupFile} 已存在，备份不会覆盖它；请换一个文件名\n`,
    })
    const absent = join(dir, 'absent.kdbackup')
    expect(await run(['restore', absent, '--data', newPc], { LANG: 'zh_CN.UTF-8' })).toMatchObject({ code: 2, stderr: `kyc-desk restore: 找不到备份文件 ${absent}\n` })
    expect(await run(['restore', absent, '--data', newPc])).toMatchObject({ code: 2, stderr: `kyc-desk restore: There is no backup file at ${absent}\n` })
  })

  it('refuses, in the operator language, a wrong passphrase, a cut-short file and a folder that holds a queue', async () => {
    const wrong = await run(['restore', backupFile, '--data', newPc], { KYC_DESK_BACKUP_PASSPHRASE: 'not the right passphrase' })
    expect(wrong).toMatchObject({ code: 1 })
    expect(wrong.stderr).toContain('kyc-desk restore: The backup passphrase is wrong; nothing was restored')
    const wrongZh = await run(['restore', backupFile, '--data', newPc], { KYC_DESK_BACKUP_PASSPHRASE: 'not the right passphrase', LANG: 'zh_CN.UTF-8' })
    expect(wrongZh.stderr).toContain('备份密码不正确，未恢复任何内容')
    const cut = join(dir, 'cut.kdbackup')
    const whole = readFileSync(backupFile)
    writeFileSync(cut, whole.subarray(0, whole.length - 1000))
    const truncated = await run(['restore', cut, '--data', newPc, '--passphrase-file', passphraseFile])
    expect(truncated).toMatchObject({ code: 1, stderr: expect.stringContaining('The backup file is incomplete') })
    const occupied = await run(['restore', backupFile, '--data', oldPc, '--passphrase-file', passphraseFile])
    expect(occupied).toMatchObject({ code: 1, stderr: expect.stringContaining('already holds a queue') })
    expect(existsSync(newPc)).toBe(false)
    expect(readdirSync(dir).filter((name) => name.includes('restoring'))).toEqual([])
  })

  it('restores into a fresh folder with its own key file, which every command opens and syncs from', async () => {
    const restored = await run(['restore', backupFile, '--data', newPc, '--passphrase-file', passphraseFile], { LANG: 'C' })
    expect(restored).toMatchObject({ code: 0 })
    const key = join(newPc, 'kyc-desk.key')
    expect(restored.stdout).toBe(
      `restored 2 applicants and 6 images into ${newPc}\nkey file: ${key}: keep a copy elsewhere; start the app with KYC_DESK_KEY_FILE=${key}\nnext: kyc-desk status --data ${newPc}\n`,
    )
    expect(JSON.parse(readFileSync(join(newPc, 'data-key.json'), 'utf8'))).toMatchObject({ provider: 'key-file' })
    // The new PC's key is its own: the old PC's key file does not open the restored folder.
    expect(readFileSync(join(newPc, 'kyc-desk.key')).equals(readFileSync(join(oldPc, 'kyc-desk.key')))).toBe(false)
    expect((await run(['operators', 'list', '--data', newPc])).stdout).toMatch(/^Lin\tadmin/)
    const synced = await run(['sync', '--data', newPc, '--platform', sandbox.api, '--oss-endpoint', sandbox.oss, '--path-style', '--until-idle', '--json'])
    expect(synced.code).toBe(0)
    expect((await run(['status', '--data', newPc, '--json'])).stdout).toMatch(/"submitted":2/)
    // The old PC's queue is untouched by all of this.
    expect((await run(['status', '--data', oldPc, '--json'])).stdout).not.toMatch(/"submitted":2/)
  })

  it('restores in Chinese under LANG=zh_CN, the time of the backup in the zone of this PC, not UTC', async () => {
    const zhPc = join(dir, 'zh-pc')
    const zone = process.env['TZ']
    // This PC in Beijing: the header must say +08:00, not toISOString()'s Z.
    process.env['TZ'] = 'Asia/Shanghai'
    try {
      const restored = await run(['restore', backupFile, '--data', zhPc, '--passphrase-file', passphraseFile], { LANG: 'zh_CN.UTF-8' })
      expect(restored).toMatchObject({ code: 0 })
      const header = /^备份时间 (\S+)，由 kyc-desk \S+ 制作（数据库版本 \d+）\n$/.exec(restored.stderr)
      expect(header?.[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
      expect(Math.abs(Date.parse(header?.[1] ?? '') - madeAt)).toBeLessThan(60_000)
      const key = join(zhPc, 'kyc-desk.key')
      expect(restored.stdout).toBe(
        `已将 2 位申请人和 6 张图片恢复到 ${zhPc}\n密钥文件：${key}：请在别处另存一份副本；启动程序时设置 KYC_DESK_KEY_FILE=${key}\n下一步：kyc-desk status --data ${zhPc}\n`,
      )
    } finally {
      if (zone === undefined) delete process.env['TZ']
      else process.env['TZ'] = zone
    }
  })
})
