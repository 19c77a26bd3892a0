import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
import type { ChannelName, EventPayloadOf, IpcResult, RequestOf, ResponseOf } from '../../../shared/contract'
import { dispatch } from '../ipc/dispatch'
import { originSenderPolicy } from '../ipc/sender-policy'
import sharp from 'sharp'
import { renderDocument } from '../intake/image/test-fixtures/documents'
import { identityFor } from '../sync/test-support/applicants'
import { KeyFileProvider } from '../vault/key-file-provider'
import { demoImage } from '../environment/demo-applicants'
import { createCore, type Core } from './create-core'

/**
 * The operator screens' channels end to end below the renderer: a real core (SQLite, vault,
 * engine, ali-oss) against a real sandbox, called through dispatch as the window calls them.
 */
const origin = 'http://app.test'
const policy = originSenderPolicy([origin])

let dir: string
let sandbox: RunningSandbox
let core: Core
const opened: string[] = []
const saveTo = { path: null as string | null }
const syncStates: EventPayloadOf<'sync:state'>[] = []

async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return (await dispatch(core.handlers, channel, request, `${origin}/index.html`, policy, core.log)) as IpcResult<ResponseOf<C>>
}

async function ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

async function until<T>(what: string, read: () => T | Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function newAccount(): Promise<{ uid: string; token: string }> {
  const response = await sandbox.admin.fetch(`/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  return (await response.json()) as { uid: string; token: string }
}

async function seed(index: number, binding: { uid: string; token: string }): Promise<string> {
  const images = { front: await demoImage('front'), back: await demoImage('back'), hand: await demoImage('hand') }
  const created = await core.store.applicants.createQueued({ identity: identityFor(index), binding, images, operatorId: null, consent: { version: 't', at: 1 } })
  if (!created.ok) throw new Error(created.reason)
  return created.id
}

const status = (id: string) => core.store.applicants.summary(id)?.status

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-core-channels-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), apiPort: 0, ossPort: 0 })
  core = await createCore({
    dataDir: join(dir, 'app'),
    appVersion: '0.0.0-test',
    keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }),
    training: sandbox,
    windows: { openVerifyWindow: async (url) => void opened.push(url) },
    dialogs: {
      saveFile: async ({ contents }) => {
        if (saveTo.path === null) return { saved: false }
        writeFileSync(saveTo.path, contents())
        return { saved: true, location: saveTo.path }
      },
    },
  })
  core.events.on('sync:state', (state) => syncStates.push(state))
  await core.operators.create('Test operator', '246810')
  await ok('settings:update', { sync: { retryBaseMs: 100, retryCapMs: 1_000 } })
}, 30_000)

afterAll(async () => {
  await core.close()
  await sandbox.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('sync channels', () => {
  it('pauses and resumes the engine the core started, and publishes its state with counts', async () => {
    expect((await ok('sync:state', {})).running).toBe(true)
    expect(await ok('sync:pause', {})).toMatchObject({ paused: true })
    expect(await ok('sync:resume', {})).toMatchObject({ paused: false, running: true })
    expect(syncStates.some((s) => s.paused)).toBe(true)
    expect(syncStates.at(-1)?.counts).toBeDefined()
  })
})

describe('a refusal fixed in the detail view, then liveness to verified', () => {
  let id = ''
  let account = { uid: '', token: '' }

  it('puts an applicant with a wrong token in needs-new-qr with the platform message', async () => {
    account = await newAccount()
    id = await seed(1, { uid: account.uid, token: 'wrong-token-123456' })
    await until('needs-new-qr', () => status(id), (s) => s === 'needs-new-qr')
    const summary = core.store.applicants.summary(id)
    expect(summary?.lastError?.kind).toBe('refused')
    expect(summary?.lastError?.message).not.toBe('')
    await until('counts in the sync state', () => syncStates.at(-1)?.counts['needs-new-qr'] ?? 0, (n) => n >= 1)
  })

  it('gives the identity for editing with the number masked, and checks an edit per field', async () => {
    const edit = await ok('applicants:identity-for-edit', { id })
    expect(edit.identity?.documentNumber).toMatch(/^••••.{4}$/)
    expect(edit).toMatchObject({ documentNumberMasked: true, editable: true, uidMasked: `••••${account.uid.slice(-4)}` })
    expect(JSON.stringify(edit)).not.toContain(account.uid)
    const bad = await call('applicants:update', { id, identity: { ...edit.identity, documentNumber: '', birthday: '2999-01-01' } })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.issues?.map((i) => i.field)).toContain('birthday')
    const renamed = { ...edit.identity, documentNumber: '', givenName: '测试改名' }
    // This card's validity does not fit the holder's age: a warning the operator must confirm.
    const unconfirmed = await call('applicants:update', { id, identity: renamed })
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ field: 'expiryDate', severity: 'warning' }] } })
    // The issue itself, for the form to word in the operator's language: no sentence in one.
    expect(unconfirmed).toMatchObject({ ok: false, error: { issues: [{ identity: { field: 'expiryDate', code: expect.any(String), params: expect.any(Object) }, message: expect.stringMatching(/^expiryDate: /) }] } })
    const changed = await ok('applicants:update', { id, identity: renamed, acknowledgeWarnings: true })
    expect(changed.warnings.map((w) => w.field)).toEqual(['expiryDate'])
    expect(changed.resetSteps).toEqual(['authnew:1', 'authnew:2', 'authnew:3', 'authnew:4', 'reconcile'])
    const revealed = await ok('applicants:identity-for-edit', { id, revealDocumentNumber: true })
    expect(revealed.identity?.documentNumber).toBe(identityFor(1).documentNumber)
    expect(revealed.identity?.givenName).toBe('测试改名')
    expect(core.store.events.listForApplicant(id).filter((e) => e.type === 'revealed')).toHaveLength(1)
  })

  it('takes a new account binding in one step: the -1001 refusal is retried at once, to submitted', async () => {
    const fixed = await ok('applicants:update', { id, binding: account })
    expect(fixed.resetSteps).toEqual([])
    expect(fixed.failedSteps).toEqual([])
    expect(core.store.events.listForApplicant(id).filter((e) => e.type === 'rebound').map((e) => e.details)).toEqual([{ source: 'detail', steps: ['sts'] }])
    await until('submitted', () => status(id), (s) => s === 'submitted')
  })

  it('shows the platform record beside what was sent, the number masked', async () => {
    const record = await ok('applicants:platform-record', { id })
    expect(record.rows.filter((r) => !r.match)).toEqual([])
    const number = record.rows.find((r) => r.field === 'documentNumber')
    expect(number?.sent).toMatch(/^••••/)
    expect(number?.echoed).toBe(number?.sent)
    expect(record.rows.find((r) => r.field === 'front')?.sent).toMatch(/^front-[0-9a-f]+\.jpg$/)
  })

  it('hands off liveness: link, counter window, pass on the verify page, verified', async () => {
    const started = await ok('liveness:start', { id })
    expect(['requesting', 'waiting']).toContain(started.phase)
    const waiting = await until('verify link', () => ok('liveness:session', { id }), (s) => s.phase === 'waiting')
    expect(waiting.verifyUrl).toMatch(/\/verify\//)
    expect(await ok('liveness:open-window', { id })).toEqual({ opened: true })
    expect(opened).toEqual([waiting.verifyUrl])
    const pass = await fetch(waiting.verifyUrl ?? '', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'result=pass' })
    expect(pass.status).toBe(200)
    await ok('liveness:check', { id })
    await until('verified', () => status(id), (s) => s === 'verified')
    const refused = await call('applicants:update', { id, binding: { uid: '1', token: 'x' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('lists the timeline and gives thumbnails as small JPEG data URLs', async () => {
    const { events } = await ok('applicants:timeline', { id })
    const types = events.map((e) => e.type)
    expect(types[0]).toBe('captured')
    expect(types).toEqual(expect.arrayContaining(['queued', 'step-failed', 'edited', 'retried', 'liveness-requested']))
    const thumb = await ok('applicants:thumbnail', { id, slot: 'front' })
    expect(thumb.dataUrl.startsWith('data:image/jpeg;base64,')).toBe(true)
    expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(360)
    // The viewer's size: the stored image itself up to 2000 px, so it can be checked zoomed in.
    const view = await ok('applicants:thumbnail', { id, slot: 'front', size: 'view' })
    expect(Math.max(view.width, view.height)).toBeGreaterThan(360)
    expect(Math.max(view.width, view.height)).toBeLessThanOrEqual(2000)
  })
})

describe('replace an image from the detail view', () => {
  it('refuses a blurred file with the quality findings, swaps a good one, and re-submits only that image', async () => {
    const account = await newAccount()
    const id = await seed(21, { uid: account.uid, token: 'stale-token-000000' })
    await until('refused', () => status(id), (s) => s === 'needs-new-qr')

    const sharpFront = await renderDocument('front')
    const blurred = await sharp(sharpFront).blur(12).jpeg({ quality: 90 }).toBuffer()
    const refused = await ok('applicants:replace-image', { id, slot: 'front', data: blurred.toString('base64') })
    expect(refused.outcome).toBe('quality')
    if (refused.outcome === 'quality') expect(refused.findings.map((f) => f.code)).toContain('blurred')
    // Codes the screen words (a chosen file: retake or rescan), never a pair of sentences.
    if (refused.outcome === 'quality') expect(refused.findings.find((f) => f.code === 'blurred')).toMatchObject({ reason: { key: 'imageCheck.blurred.file' }, detail: { key: 'imageCheck.measured.blurred' } })
    const before = core.store.applicants.get(id)
    const oldFront = before?.stage === 'queued' ? before.images.front.sha256 : ''

    const replaced = await ok('applicants:replace-image', { id, slot: 'front', data: sharpFront.toString('base64') })
    expect(replaced).toMatchObject({ outcome: 'replaced', resetSteps: ['upload:front', 'authnew:2', 'reconcile'] })
    const after = core.store.applicants.get(id)
    const newFront = after?.stage === 'queued' ? after.images.front.sha256 : ''
    expect(newFront).not.toBe(oldFront)
    const edited = core.store.events.listForApplicant(id).filter((e) => e.type === 'edited')
    expect(edited.at(-1)?.details).toMatchObject({ slots: ['front'], resetSteps: ['upload:front', 'authnew:2', 'reconcile'] })

    // The customer's new QR fixes the refusal; the platform then holds the new front.
    await ok('applicants:update', { id, binding: account })
    await until('submitted', () => status(id), (s) => s === 'submitted')
    const record = await ok('applicants:platform-record', { id })
    expect(record.rows.find((r) => r.field === 'front')).toMatchObject({ match: true, sent: expect.stringContaining(newFront.slice(0, 16)) })
  })

  it('refuses to replace an image of a verified applicant', async () => {
    const verified = (await ok('applicants:list', { status: 'verified' })).items[0]?.id ?? ''
    const result = await call('applicants:replace-image', { id: verified, slot: 'back', data: (await renderDocument('back')).toString('base64') })
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('remove', () => {
  it('removes an applicant that never reached the platform, and refuses one that did', async () => {
    await ok('sync:pause', {})
    const fresh = await seed(7, await newAccount())
    const synced = (await ok('applicants:list', { status: 'verified' })).items[0]?.id ?? ''
    const result = await ok('applicants:remove', { ids: [fresh, synced] })
    expect(result.removed).toEqual([fresh])
    expect(result.refused).toEqual([{ id: synced, reason: 'reached-platform' }])
    await ok('sync:resume', {})
  })
})

describe('settings', () => {
  it('answers invalid settings with one issue per field', async () => {
    const result = await call('settings:update', { platform: { baseUrl: 'ftp://nope' }, sync: { concurrency: 99 } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect([...new Set(result.error.issues?.map((i) => i.field))].sort()).toEqual(['platform.baseUrl', 'sync.concurrency'])
    expect((await ok('settings:get', {})).settings.platform.baseUrl).toBe('')
  })

  it('tests the connection in training mode: STS from a demo account, then an OSS HEAD under it', async () => {
    const result = await ok('settings:test-connection', {})
    expect(result.trainingMode).toBe(true)
    expect(result.platform).toMatchObject({ ok: true, stage: 'credentials', finding: 'sts-received', bucket: expect.any(String), expiresAt: expect.any(Number) })
    expect(result.oss).toMatchObject({ ok: true, stage: 'authorization', finding: 'oss-authorized' })
  })

  it('answers the connection test in codes and values, never a sentence the screen would have to show as is', async () => {
    const down = await ok('settings:test-connection', { patch: { platform: { baseUrl: 'http://127.0.0.1:9' } } })
    const passed = await ok('settings:test-connection', {})
    for (const result of [down.platform, down.oss, passed.platform, passed.oss]) expect(Object.keys(result)).not.toContain('message')
    expect(down.platform).toEqual({ finding: 'platform-no-answer', ok: false, stage: 'reachability', code: expect.any(String), host: '127.0.0.1:9', ms: expect.any(Number) })
    expect(JSON.stringify([down, passed])).not.toMatch(/STS credentials|No answer|valid until/)
  })

  it('says exactly what failed: a refused account, then an address nobody answers', async () => {
    const refused = await ok('settings:test-connection', { account: { uid: '123456789', token: 'not-a-token' } })
    expect(refused.platform).toMatchObject({ ok: false, stage: 'credentials' })
    expect(refused.oss.stage).toBe('reachability')
    const down = await ok('settings:test-connection', { patch: { platform: { baseUrl: 'http://127.0.0.1:9' } } })
    expect(down.platform).toMatchObject({ ok: false, stage: 'reachability' })
    expect(down.trainingMode).toBe(false)
  })

  it('adds demo applicants in training mode, each with its own sandbox account', async () => {
    expect((await ok('settings:get', {})).demoAccounts.length).toBe(sandbox.users.length)
    const before = (await ok('applicants:list', {})).total
    expect(await ok('training:add-demo-applicants', { count: 2 })).toEqual({ created: 2 })
    const items = (await ok('applicants:list', { limit: 2 })).items
    expect((await ok('applicants:list', {})).total).toBe(before + 2)
    for (const item of items) await until('demo submitted', () => status(item.id), (s) => s === 'submitted')
  })
})

describe('diagnostics', () => {
  it('lists platform calls by path and code, and exports a redacted log with formula-safe CSV', async () => {
    const recent = await ok('diagnostics:recent', {})
    expect(recent.calls.some((c) => c.path === '/user/getsts' && c.outcome === 'refused')).toBe(true)
    expect(recent.entries.some((e) => e.event === 'sync.needs-attention')).toBe(true)
    saveTo.path = null
    expect(await ok('diagnostics:export', { format: 'csv' })).toEqual({ saved: false, path: null, records: 0 })
    saveTo.path = join(dir, 'export.csv')
    core.log.warn('=cmd|calc', { note: '+1' })
    const saved = await ok('diagnostics:export', { format: 'csv' })
    expect(saved.saved).toBe(true)
    const csv = readFileSync(saveTo.path, 'utf8')
    expect(csv.startsWith('time,level,event,details\r\n')).toBe(true)
    expect(csv).toContain(",'=cmd|calc,")
    for (const user of sandbox.users) expect(csv).not.toContain(user.token)
    saveTo.path = join(dir, 'export.jsonl')
    await ok('diagnostics:export', { format: 'jsonl' })
    expect(existsSync(saveTo.path)).toBe(true)
    const lines = readFileSync(saveTo.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { event: string })
    expect(lines.some((l) => l.event === 'platform.call')).toBe(true)
    // Each saved export, and the settings changes made above, are audit events with their operator.
    const audit = core.store.events.listAfter(0, 5000)
    expect(audit.filter((e) => e.type === 'exported').map((e) => e.details['format'])).toEqual(['csv', 'jsonl'])
    expect(audit.filter((e) => e.type === 'settings-changed').map((e) => e.details['changed'])).toContainEqual(['sync.retryBaseMs', 'sync.retryCapMs'])
  })
})
