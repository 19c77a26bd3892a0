import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelName, EventPayloadOf, IpcResult, RequestOf, ResponseOf } from '../../../../shared/contract'
import { createCore, type Core } from '../../app/create-core'
import { KeyFileProvider } from '../../vault/key-file-provider'
import { dispatch } from '../dispatch'
import { originSenderPolicy } from '../sender-policy'
import { problemWords } from '../../intake/import/test-fixtures/words'

/** The batch import channels through dispatch over a real core, with the shipped example manifest. */
const origin = 'http://app.test'
const policy = originSenderPolicy([origin])
const example = join(import.meta.dirname, '../../../../resources/example-import')
const answers = { manifest: null as string | null, folder: null as string | null }
const progress: EventPayloadOf<'import:progress'>[] = []
let dir: string
let core: Core

async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return (await dispatch(core.handlers, channel, request, `${origin}/index.html`, policy, core.log)) as IpcResult<ResponseOf<C>>
}
async function ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-import-channels-'))
  core = await createCore({
    dataDir: join(dir, 'app'),
    appVersion: '0.0.0-test',
    keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }),
    startSync: false,
    importDialogs: { imagesBesideManifest: true, chooseManifest: async () => answers.manifest, chooseFolder: async () => answers.folder },
  })
  core.events.on('import:progress', (p) => progress.push(p))
  await core.operators.create('Test operator', '246810')
}, 30_000)

afterAll(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('batch import channels', () => {
  it('takes paths only from main\'s dialogs; a cancelled dialog changes nothing', async () => {
    expect(await ok('import:choose', { what: 'manifest' })).toEqual({ manifestPath: null, imagesDir: null, imagesBesideManifest: true })
    expect((await call('import:preview', {})).ok).toBe(false)
    answers.manifest = join(example, 'manifest.csv')
    expect(await ok('import:choose', { what: 'manifest' })).toEqual({ manifestPath: join(example, 'manifest.csv'), imagesDir: join(example, 'images'), imagesBesideManifest: true })
    // A request cannot name a path of its own.
    expect(await call('import:choose', { what: 'manifest', path: '/etc/passwd' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  })

  it('previews every row with masked names and worded problems, never a token', async () => {
    const preview = await ok('import:preview', {})
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    expect(preview.summary).toEqual({ total: 5, ready: 4, needsReview: 0, invalid: 1 })
    expect(preview.rows.find((r) => r.row === 2)?.label).toBe('李* ····1239')
    const bad = preview.rows.find((r) => r.row === 6)
    expect(bad?.status).toBe('invalid')
    expect(bad?.problems.map((p) => problemWords(p, 'en')).join(' ')).toMatch(/check character/)
    expect(bad?.problems.map((p) => problemWords(p, 'zh-CN')).join(' ')).toMatch(/校验位/)
    const tokens = readFileSync(join(example, 'manifest.csv'), 'utf8').match(/tk_[0-9a-f]+/g) ?? []
    expect(tokens.length).toBeGreaterThan(0)
    for (const token of tokens) expect(JSON.stringify(preview)).not.toContain(token)
    expect(progress.at(-1)).toEqual({ phase: 'preview', done: 5, total: 5 })
    expect(core.store.applicants.list({}).total).toBe(0)
  })

  it('gives each previewed image as a bounded thumbnail, never the full image, and a view size for the viewer', async () => {
    const source = await sharp(join(example, 'images', 'li-siyuan-front.jpg')).metadata()
    const small = await ok('import:thumbnail', { row: 2, slot: 'front' })
    const pixels = await sharp(Buffer.from(small.dataUrl.slice('data:image/jpeg;base64,'.length), 'base64')).metadata()
    expect(Math.max(small.width, small.height)).toBeLessThanOrEqual(160)
    expect([pixels.width, pixels.height]).toEqual([small.width, small.height])
    expect(small.dataUrl.length).toBeLessThan(30_000)
    expect(Math.max(source.width ?? 0, source.height ?? 0)).toBeGreaterThan(160)
    const view = await ok('import:thumbnail', { row: 2, slot: 'front', size: 'view' })
    expect(Math.max(view.width, view.height)).toBeGreaterThan(160)
    expect(Math.max(view.width, view.height)).toBeLessThanOrEqual(2000)
    // A row the preview does not hold, or a request naming something else, shows nothing.
    expect(await call('import:thumbnail', { row: 99, slot: 'hand' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('import:thumbnail', { row: 2, slot: 'front', path: '/etc/passwd' } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } })
  })

  it('queues only with consent, imports the valid rows once, and reports the bad one', async () => {
    const refused = await call('import:commit', { queue: true, consent: false, acceptWarningsReason: null })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const result = await ok('import:commit', { queue: true, consent: true, acceptWarningsReason: null })
    expect(result).toMatchObject({ imported: 4, rejected: 1 })
    expect(result.rows.find((r) => r.row === 6)?.outcome).toBe('rejected')
    expect(core.store.applicants.countsByStatus().queued).toBe(4)
    expect(progress.at(-1)).toEqual({ phase: 'commit', done: 5, total: 5 })
    // The preview was used up: a second click imports nothing twice.
    expect(await call('import:commit', { queue: true, consent: true, acceptWarningsReason: null })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // The imported rows' thumbnails went with the preview.
    expect(await call('import:thumbnail', { row: 2, slot: 'front' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
