import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CaptureForm, ChannelName, IpcResult, RequestOf, ResponseOf } from '../../../../shared/contract'
import { createCore, type Core } from '../../app/create-core'
import { renderDocument } from '../../intake/image/test-fixtures/documents'
import { renderMrzPage, td3Lines } from '../../intake/image/test-fixtures/passport-page'
import { KeyFileProvider } from '../../vault/key-file-provider'
import { dispatch } from '../dispatch'
import { originSenderPolicy } from '../sender-policy'

/**
 * The capture channels through dispatch, as the window calls them, over a real core: sealed
 * drafts, the binding kept in main, images through the intake pipeline, and main's own check
 * before queueing. No sync engine or platform is needed here.
 */
const origin = 'http://app.test'
const policy = originSenderPolicy([origin])
const demo = { uid: '1234567890123', token: 'demo-token-abcdef' }
let dir: string
let core: Core
const image: Record<'front' | 'back' | 'hand', string> = { front: '', back: '', hand: '' }

async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return (await dispatch(core.handlers, channel, request, `${origin}/index.html`, policy, core.log)) as IpcResult<ResponseOf<C>>
}
async function ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}

/** The capture form's column as it is on disk, read past the store. */
function rawCaptureForm(id: string): Buffer | null {
  const db = new Database(join(dir, 'app', 'kyc-desk.sqlite'), { readonly: true })
  try {
    const row: unknown = db.prepare('SELECT capture_form_enc AS sealed FROM applicants WHERE id = ?').get(id)
    const sealed = typeof row === 'object' && row !== null && 'sealed' in row ? row.sealed : null
    return Buffer.isBuffer(sealed) ? sealed : null
  } finally {
    db.close()
  }
}

const form = (over: Partial<CaptureForm['identity']> = {}, rest: Partial<CaptureForm> = {}): CaptureForm => ({
  identity: {
    documentType: 'id_card',
    country: 'CHN',
    chineseMainland: true,
    surname: '王',
    givenName: '小红',
    documentNumber: '11010519491231002X',
    birthday: '1949-12-31',
    gender: 'female',
    issueDate: '2015-03-01',
    validity: { kind: 'long-term' },
    ...over,
  },
  consent: true,
  overrides: [],
  ...rest,
})

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-intake-channels-'))
  core = await createCore({
    dataDir: join(dir, 'app'),
    appVersion: '0.0.0-test',
    keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }),
    training: { api: 'http://127.0.0.1:9', oss: 'http://127.0.0.1:9', bucket: 'b', users: [demo], admin: { fetch: () => Promise.reject(new Error('no sandbox in this test')) } },
    startSync: false,
  })
  await core.operators.create('Test operator', '246810')
  image.front = (await renderDocument('front')).toString('base64')
  image.back = (await renderDocument('back')).toString('base64')
  image.hand = (await renderMrzPage(td3Lines({ country: 'CHN', surname: 'LI', givenNames: 'MING', number: 'E12345678', nationality: 'CHN', birth: '900101', sex: 'M', expiry: '300101' }))).toString('base64')
}, 30_000)

afterAll(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('capture channels', () => {
  it('saves a half-typed form sealed, and opens it again', async () => {
    const half = form({ documentNumber: '1101051949', birthday: '' })
    const { id, reference } = await ok('capture:save', { id: null, form: half })
    expect(reference).toMatch(/^\d{8}-\d{4}$/)
    // Sealed in the applicant's own row; no file of its own.
    const sealed = rawCaptureForm(id)
    expect(sealed).not.toBeNull()
    expect(sealed?.toString('latin1')).not.toContain('1101051949')
    expect(existsSync(join(dir, 'app', 'capture-forms'))).toBe(false)
    const opened = await ok('capture:open', { id })
    expect(opened.form.identity.documentNumber).toBe('1101051949')
    expect(opened.binding).toBeNull()
    // Incomplete, so the applicant itself holds no identity yet.
    expect(core.store.applicants.summary(id)?.label).toBeNull()
  })

  it('keeps the token in main: a scanned binding comes back masked, a bad one as worded issues', async () => {
    const { id } = await ok('capture:save', { id: null, form: form() })
    const bound = await ok('capture:bind', { id, input: { kind: 'scan', text: '{"uid": 9223372036854775807, "token": "tk_secret_9f3a"}' } })
    expect(bound.binding).toEqual({ uid: '9223372036854775807', maskedToken: '••••9f3a' })
    const record = core.store.applicants.get(id)
    expect(record?.stage === 'draft' && record.binding).toEqual({ uid: '9223372036854775807', token: 'tk_secret_9f3a' })

    const bad = await call('capture:bind', { id, input: { kind: 'typed', uid: '0123', token: 'x' } })
    expect(bad.ok).toBe(false)
    // A code the screen words, never a sentence in one language.
    if (!bad.ok) expect(bad.error).toMatchObject({ reason: { key: 'capture.bindingInvalid' }, issues: [{ code: 'uid.leading-zero' }] })

    const demos = await ok('capture:demo-customers', {})
    expect(demos.items).toEqual([{ index: 0, binding: { uid: demo.uid, maskedToken: '••••cdef' } }])
    expect(JSON.stringify(demos)).not.toContain(demo.token)
  })

  it('judges images together, explains a bad file by code, and records an override', async () => {
    const { id } = await ok('capture:save', { id: null, form: form() })
    const front = await ok('capture:put-image', { id, slot: 'front', data: image.front })
    expect(front.outcome).toEqual({ ok: true })
    expect(front.slots.front).toMatchObject({ width: 1600, height: 1000, issues: [], overrideReason: null })
    expect(front.slots.front?.previewDataUrl.startsWith('data:image/jpeg;base64,')).toBe(true)

    const twice = await ok('capture:put-image', { id, slot: 'back', data: image.front, source: 'scanner' })
    expect(twice.slots.back?.issues.map((i) => i.code)).toEqual(['duplicate'])
    expect(twice.slots.back?.issues[0]?.reason).toEqual({ key: 'imageCheck.duplicate.front' })

    const pdf = await ok('capture:put-image', { id, slot: 'hand', data: Buffer.from('%PDF-1.7\n%%EOF').toString('base64') })
    expect(pdf.outcome).toMatchObject({ ok: false, code: 'pdf-unsupported' })
    if (!pdf.outcome.ok) expect(pdf.outcome.reason).toEqual({ key: 'imageFile.pdf-unsupported' })
    expect(pdf.slots.hand).toBeNull()

    const kept = await ok('capture:override-image', { id, slot: 'back', reason: 'both sides printed alike' })
    expect(kept.slots.back?.overrideReason).toBe('both sides printed alike')
    const events = core.store.events.listForApplicant(id).filter((e) => e.type === 'override')
    expect(events.map((e) => e.details)).toEqual([{ slot: 'back', reason: 'both sides printed alike' }])
  })

  it('queues only what main itself finds complete, with consent and reasoned overrides', async () => {
    const { id } = await ok('capture:save', { id: null, form: form({}, { consent: false }) })
    const refused = await call('capture:queue', { id, form: form({ validity: { kind: 'until', expiryDate: '2035-03-01' } }, { consent: false }), syncNow: false })
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      const codes = refused.error.issues?.map((i) => i.code)
      expect(codes).toEqual(expect.arrayContaining(['validity.legal-period-mismatch', 'no-binding', 'missing-image', 'no-consent']))
      expect(refused.error.issues?.find((i) => i.code === 'no-consent')?.reason).toEqual({ key: 'capture.noConsent' })
    }

    await ok('capture:bind', { id, input: { kind: 'demo', index: 0 } })
    for (const slot of ['front', 'back', 'hand'] as const) await ok('capture:put-image', { id, slot, data: image[slot] })
    const accepted = form(
      { validity: { kind: 'until', expiryDate: '2035-03-01' } },
      { overrides: [{ field: 'expiryDate', code: 'validity.legal-period-mismatch', reason: 'the card says so; checked' }] },
    )
    const queued = await ok('capture:queue', { id, form: accepted, syncNow: false })
    expect(queued.status).toBe('queued')
    const record = core.store.applicants.get(id)
    expect(record?.stage).toBe('queued')
    if (record?.stage === 'queued') {
      expect(record.consent.version).toBe('pipl-sensitive-2025-01')
      expect(record.identity.validity).toEqual({ kind: 'until', expiryDate: '2035-03-01' })
      expect(record.binding).toEqual(demo)
    }
    const override = core.store.events.listForApplicant(id).find((e) => e.type === 'override')
    expect(override?.details).toMatchObject({ source: 'capture', code: 'validity.legal-period-mismatch', reason: 'the card says so; checked' })
    // Queueing ended the draft's form in the same commit.
    expect(rawCaptureForm(id)).toBeNull()
    // A queued applicant is edited in the detail view, not here.
    expect((await call('capture:save', { id, form: accepted })).ok).toBe(false)
  })

  it('warns before queueing a second applicant on the same account, and goes on with an audited reason', async () => {
    const first = core.store.applicants.list().items.find((a) => a.queued)
    expect(first).toBeDefined()
    const accepted = form(
      { validity: { kind: 'until', expiryDate: '2035-03-01' } },
      { overrides: [{ field: 'expiryDate', code: 'validity.legal-period-mismatch', reason: 'the card says so; checked' }] },
    )
    const { id } = await ok('capture:save', { id: null, form: accepted })
    await ok('capture:bind', { id, input: { kind: 'demo', index: 0 } })
    for (const slot of ['front', 'back', 'hand'] as const) await ok('capture:put-image', { id, slot, data: image[slot] })
    const warned = await call('capture:queue', { id, form: accepted, syncNow: false })
    expect(warned).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: { key: 'capture.duplicate.uid', params: { reference: first?.reference, applicantId: first?.id } } },
    })
    if (!warned.ok) expect(warned.error.issues?.[0]).toMatchObject({ code: 'duplicate.uid', severity: 'warning', reason: { key: 'capture.duplicate.uid', params: { reference: first?.reference } } })
    expect(core.store.applicants.get(id)?.stage).toBe('draft')
    // Refused before anything was written: no consent recorded, no override logged.
    const before = core.store.applicants.get(id)
    expect(before?.stage === 'draft' && before.consent).toBeNull()
    expect(core.store.events.listForApplicant(id).filter((e) => e.type === 'override')).toEqual([])
    const queued = await ok('capture:queue', { id, form: accepted, syncNow: false, duplicateReason: 'the first one was entered by mistake' })
    expect(queued.status).toBe('queued')
    const override = core.store.events.listForApplicant(id).find((e) => e.type === 'override' && e.details['code'] === 'duplicate')
    expect(override?.details).toMatchObject({ code: 'duplicate', reason: 'the first one was entered by mistake', duplicates: [{ applicant: first?.id, match: 'uid' }] })
  })

  it('refuses every capture channel while nobody is signed in', async () => {
    core.operators.signOut()
    const locked = await call('capture:save', { id: null, form: form() })
    expect(locked).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    const operators = core.operators.status().operators
    await core.operators.signIn(operators[0]!.id, '246810')
  })
})
