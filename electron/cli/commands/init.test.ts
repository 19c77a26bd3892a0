import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
import { csvText, imageFolder, applicants, manifestRows, recordOf, writeCsv } from '../../core/intake/import/test-fixtures/manifests'
import { DATA_KEY_FILE } from '../../core/vault/data-key'
import { main } from '../main'
import { capture } from '../test-support/capture-output'

/** No KYC_DESK_KEY: the folder's own key file must be enough, as on a branch PC set up by IT. */
async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out = capture()
  const err = capture()
  const code = await main(argv, { stdout: out.stream, stderr: err.stream, env })
  return { code, stdout: out.text(), stderr: err.text() }
}

describe('the command line on a fresh folder: init, operators, import, sync', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-init-'))
  const data = join(dir, 'branch')
  let sandbox: RunningSandbox
  let manifest: string
  let images: string

  beforeAll(async () => {
    sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0, dataDir: join(dir, 'sandbox') })
    const two = applicants.slice(0, 2)
    for (const a of two) {
      const response = await sandbox.admin.fetch(`/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ uid: a.uid, token: a.token }) })
      expect(response.status).toBe(201)
    }
    const folder = await imageFolder(two)
    images = folder.images
    manifest = join(folder.dir, 'branch.csv')
    writeCsv(manifest, csvText(manifestRows(two.map(recordOf))), 'utf-8')
  })
  afterAll(async () => {
    await sandbox?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('init creates the queue and its key file, and refuses to do it twice', async () => {
    const created = await run(['init', '--data', data, '--platform', sandbox.api, '--oss-endpoint', sandbox.oss])
    expect(created).toMatchObject({ code: 0, stderr: '' })
    expect(created.stdout).toContain(`platform ${sandbox.api}`)
    expect(created.stdout).toContain(join(data, 'kyc-desk.key'))
    expect((await run(['init', '--data', data])).code).toBe(2)
    expect((await run(['status', '--data', data])).code).toBe(0)
  })

  it('init speaks the language of LANG, its usage texts aside', async () => {
    const training = join(dir, 'training')
    const key = join(training, 'kyc-desk.key')
    const en = await run(['init', '--data', training], { LANG: 'C' })
    expect(en.stdout).toBe(
      `created a queue in ${training} (training mode)\nkey file: ${key}: keep a copy elsewhere; without it nothing in the folder can be read\nnext: kyc-desk operators add --data ${training} --name NAME --role admin\n`,
    )
    expect(await run(['init', '--data', training], { LANG: 'C' })).toMatchObject({ code: 2, stderr: `kyc-desk init: ${training} already holds a queue; open it with --data ${training}\n` })
    expect(await run(['init', '--data', training], { LANG: 'zh_CN.UTF-8' })).toMatchObject({ code: 2, stderr: `kyc-desk init: ${training} 已有队列；请用 --data ${training} 打开它\n` })
    const zhFolder = join(dir, 'zh')
    const zhKey = join(zhFolder, 'kyc-desk.key')
    const zh = await run(['init', '--data', zhFolder, '--platform', sandbox.api, '--oss-endpoint', sandbox.oss], { LANG: 'zh_CN.UTF-8' })
    expect(zh.stdout).toBe(
      `已在 ${zhFolder} 创建队列（平台 ${sandbox.api}）\n密钥文件：${zhKey}：请在别处另存一份副本；没有它，文件夹中的任何内容都无法读取\n下一步：kyc-desk operators add --data ${zhFolder} --name NAME --role admin\n`,
    )
    const added = await run(['operators', 'add', '--data', zhFolder, '--name', 'Lin'], { LANG: 'zh_CN.UTF-8' })
    expect(added.stdout).toMatch(/^已添加 Lin（管理员）；临时 PIN：\d{8}（仅可登录一次，之后须设置新 PIN）\n$/)
    expect(await run(['operators', 'disable', '--data', zhFolder, '--name', 'Lin'], { LANG: 'zh_CN.UTF-8' })).toMatchObject({ code: 1, stderr: 'kyc-desk operators: 至少需要保留一名在用的管理员\n' })
    expect(await run(['operators', 'enable', '--data', zhFolder, '--name', 'Wu'], { LANG: 'zh_CN.UTF-8' })).toMatchObject({ code: 2, stderr: 'kyc-desk operators: 没有名为“Wu”的柜员\n' })
    expect((await run(['operators', 'reset-pin', '--data', zhFolder, '--name', 'Lin'], { LANG: 'zh_CN.UTF-8' })).stdout).toMatch(/^已重置 Lin 的 PIN；临时 PIN：\d{8}（/)
    expect((await run(['operators', 'enable', '--data', zhFolder, '--name', 'Lin'], { LANG: 'zh_CN.UTF-8' })).stdout).toBe('已启用 Lin\n')
    // Help is for IT and stays in English.
    expect((await run(['init', '--help'], { LANG: 'zh_CN.UTF-8' })).stdout).toMatch(/^Usage: kyc-desk init/)
  })

  it('operators: the first is an admin, the last admin cannot go, each new one gets a temporary PIN', async () => {
    const first = await run(['operators', 'add', '--data', data, '--name', 'Lin', '--role', 'operator'])
    expect(first.stdout).toMatch(/added Lin \(admin\); temporary PIN: \d{8}/)
    expect((await run(['operators', 'add', '--data', data, '--name', 'Wang'])).stdout).toMatch(/added Wang \(operator\)/)
    expect(await run(['operators', 'enable', '--data', data, '--name', 'Wu'])).toMatchObject({ code: 2, stderr: 'kyc-desk operators: no operator called "Wu"\n' })
    const lastAdmin = await run(['operators', 'disable', '--data', data, '--name', 'Lin'])
    expect(lastAdmin).toMatchObject({ code: 1, stderr: expect.stringContaining('At least one active admin must remain') })
    expect((await run(['operators', 'reset-pin', '--data', data, '--name', 'Wang'])).stdout).toMatch(/temporary PIN: \d{8}/)
    expect((await run(['operators', 'disable', '--data', data, '--name', 'Wang'])).code).toBe(0)
    const list = await run(['operators', 'list', '--data', data])
    expect(list.stdout.trim().split('\n')).toEqual(['Lin\tadmin\tactive\ttemporary', 'Wang\toperator\tdisabled\ttemporary'])
    expect((await run(['operators', 'remove', '--data', data])).code).toBe(2)
  })

  it('imports into the new folder and syncs from it', async () => {
    const imported = await run(['import', '--data', data, '--manifest', manifest, '--images', images, '--queue', '--consent', 'pipl-2024-01'])
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(imported.stdout).toContain('2 imported, 0 rejected')
    const synced = await run(['sync', '--data', data, '--platform', sandbox.api, '--oss-endpoint', sandbox.oss, '--path-style', '--until-idle', '--json'])
    expect(synced.code).toBe(0)
    const status = await run(['status', '--data', data, '--json'])
    expect(status.stdout).toMatch(/"submitted":2/)
  })

  it("refuses a folder whose key the desktop app's OS keychain holds, saying how IT runs the command line", async () => {
    const appFolder = join(dir, 'app')
    expect((await run(['init', '--data', appFolder])).code).toBe(0)
    writeFileSync(join(appFolder, DATA_KEY_FILE), JSON.stringify({ format: 1, provider: 'safe-storage', keyId: '0'.repeat(32), wrapped: 'AA==', createdAt: 1 }))
    const refused = await run(['status', '--data', appFolder])
    expect(refused.code).toBe(2)
    expect(refused.stderr.trim().split('\n')).toHaveLength(1)
    expect(refused.stderr).toContain('OS keychain')
    expect(refused.stderr).toContain('kyc-desk init --data DIR --key-file FILE')
  })
})
