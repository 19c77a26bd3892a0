import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { csvText, imageFolder, applicants, manifestRows, recordOf, writeCsv } from '../../core/intake/import/test-fixtures/manifests'
import { openKycStore } from '../../core/queue/store'
import { EnvKeyProvider } from '../../core/vault/env-key-provider'
import { main } from '../main'
import importProblems from '../../../shared/i18n/import-problems'
import { capture } from '../test-support/capture-output'

const key = randomBytes(32).toString('hex')
let folder: { dir: string; images: string }
let good: string
let mixed: string

async function newDb(name: string): Promise<string> {
  const dataDir = join(folder.dir, name)
  const store = await openKycStore({ dataDir, keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: key }) })
  store.close()
  return join(dataDir, 'kyc-desk.sqlite')
}

async function run(argv: string[], env: NodeJS.ProcessEnv = { KYC_DESK_KEY: key }) {
  const out = capture()
  const err = capture()
  const code = await main(['import', ...argv], { stdout: out.stream, stderr: err.stream, env })
  return { code, stdout: out.text(), stderr: err.text() }
}

beforeAll(async () => {
  folder = await imageFolder(applicants.slice(0, 2))
  const [li, chen] = applicants.map(recordOf)
  if (!li || !chen) throw new Error('fixtures')
  good = join(folder.dir, 'good.csv')
  writeCsv(good, csvText(manifestRows([li, chen])), 'gb18030')
  mixed = join(folder.dir, 'mixed.csv')
  writeCsv(mixed, csvText(manifestRows([li, { ...chen, gender: 'M', uid: '0042' }])), 'utf-8-bom')
})

describe('kyc-desk import', () => {
  it('exits 0 when every row is imported, printing each applicant id', async () => {
    const db = await newDb('all')
    const result = await run(['--db', db, '--manifest', good, '--images', folder.images, '--queue', '--consent', 'pipl-2024-01'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/row 2: imported \([0-9a-z-]+, \d{8}-0001, Queued\)/)
    expect(result.stdout).toContain('2 imported, 0 rejected')
  })

  it('exits 1 when a row is rejected, listing every reason in the chosen language', async () => {
    const db = await newDb('some')
    const result = await run(['--db', db, '--manifest', mixed, '--images', folder.images, '--lang', 'zh-CN'])
    expect(result.code).toBe(1)
    // The status in the operator's words, as the queue screen shows it, not its code.
    expect(result.stdout).toMatch(/第 2 行：已导入（[0-9a-z-]+，\d{8}-0001，草稿）/)
    expect(result.stdout).toContain('第 3 行：未导入（2 个原因）')
    // The format and its encoding listed the Chinese way, as the screens list things.
    expect(result.stdout).toMatch(/（csv、utf-8[a-z-]*）：\d+ 行/)
    expect(result.stdout).toContain('已导入 1 行，未导入 1 行')
    expect(result.stdout).toContain('平台用户 ID：不能以 0 开头')
    expect(result.stdout).toContain('性别：身份证号码显示为女，而不是男')
  })

  it('prints one JSON document with --json, the images folder defaulting to the manifest folder', async () => {
    const db = await newDb('json')
    const result = await run(['--db', db, '--manifest', join(folder.dir, 'images', '..', 'mixed.csv'), '--json', '--images', folder.images])
    expect(result.code).toBe(1)
    const doc = JSON.parse(result.stdout) as { imported: number; rows: Array<{ outcome: string; problems?: Array<{ code: string }> }> }
    expect(doc.imported).toBe(1)
    expect(doc.rows[1]?.problems?.map((p) => p.code).sort()).toEqual(['gender.mismatch-id-number', 'uid.leading-zero'])
    const refused = await run(['--db', db, '--manifest', mixed])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toContain('no file “li_front.jpg” in the images folder')
  })

  it('words the same problem in the language of LANG, from the one table the app uses', async () => {
    const db = await newDb('words')
    // The images folder defaults to the manifest's, which has none of the files.
    const zh = await run(['--db', db, '--manifest', mixed], { KYC_DESK_KEY: key, LANG: 'zh_CN.UTF-8' })
    const en = await run(['--db', db, '--manifest', mixed], { KYC_DESK_KEY: key, LANG: 'en_GB.UTF-8' })
    const missing = (locale: 'zh-CN' | 'en') => importProblems[locale].importProblem.file['not-found'].replace('{name}', 'li_front.jpg')
    expect(zh.stdout).toContain(`  - 证件正面：${missing('zh-CN')}\n`)
    expect(en.stdout).toContain(`  - Document front: ${missing('en')}\n`)
    expect(en.stdout).toContain('row 2: rejected (3 reasons)')
    expect(zh.stdout).not.toMatch(/rejected|reasons|images folder/)
  })

  it('exits 2 on usage errors, before touching the database', async () => {
    const db = await newDb('usage')
    expect((await run(['--manifest', good])).code).toBe(2)
    expect((await run(['--db', db])).code).toBe(2)
    const noConsent = await run(['--db', db, '--manifest', good, '--queue'])
    expect(noConsent).toMatchObject({ code: 2, stderr: expect.stringContaining('--queue needs --consent') })
    expect((await run(['--db', db, '--manifest', join(folder.dir, 'nope.csv')])).code).toBe(2)
    expect((await run(['--db', db, '--manifest', good, '--images', join(folder.dir, 'nope')])).code).toBe(2)
    expect((await run(['--db', join(folder.dir, 'nope.sqlite'), '--manifest', good])).code).toBe(2)
    expect((await run(['--db', db, '--manifest', good], {})).code).toBe(2)
    expect((await run(['--db', db, '--manifest', good, '--frob'])).code).toBe(2)
    expect(await run(['--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: kyc-desk import') })
  })

  it('returns its exit code from the real executable', async () => {
    const db = await newDb('bin')
    const result = spawnSync(process.execPath, ['bin/kyc-desk.mjs', 'import', '--db', db, '--manifest', mixed, '--images', folder.images], {
      encoding: 'utf8',
      env: { ...process.env, KYC_DESK_KEY: key, LANG: 'C' },
    })
    expect(result.status).toBe(1)
    expect(result.stdout).toContain('Platform uid: must not start with 0')
  })
})
