import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../sandbox/index'
import type { ChannelName, IpcResult, RequestOf, ResponseOf } from '../../../shared/contract'
import { environmentOf, trainingEnvironment } from '../../../shared/domain/environment'
import { dispatch } from '../ipc/dispatch'
import { originSenderPolicy } from '../ipc/sender-policy'
import { runStep } from '../queue/test-fixtures'
import { queueApplicant } from '../sync/test-support/applicants'
import { KeyFileProvider } from '../vault/key-file-provider'
import { createCore, type Core } from '../app/create-core'
import type { TrainingLauncher } from './training-mode'

/**
 * Leaving training mode and moving between live platforms, through dispatch as the window calls
 * them: the checklist, the refusal naming what is missing, the sandbox's data gone once live,
 * training applicants removed in one action, and waiting applicants kept or re-targeted.
 */
const origin = 'app://kyc-desk'
const policy = originSenderPolicy([origin])
let dir: string
let core: Core
let live: RunningSandbox
/** The training sandbox the core launched, whose data folder must be gone once the desk is live. */
let training: RunningSandbox | null = null
let now = Date.parse('2026-03-02T09:00:00Z')

const launcher: TrainingLauncher = {
  launch: async () => (training = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 3 })),
}

async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return (await dispatch(core.handlers, channel, request, `${origin}/index.html`, policy, core.log)) as IpcResult<ResponseOf<C>>
}
async function ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}
const events = (type: string) => core.store.events.listAfter(0, 5000).filter((e) => e.type === type)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-leave-training-'))
  live = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 2 })
  core = await createCore({
    dataDir: join(dir, 'app'),
    appVersion: '0.0.0-test',
    keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }),
    training: launcher,
    clock: () => now,
    startSync: false,
  })
  await ok('operators:create', { name: 'Lin', pin: '246810' })
  // The clock jumps past a test's freshness below; the session must outlast it.
  await ok('settings:update', { lockAfterIdleMinutes: 240 })
}, 30_000)

afterAll(async () => {
  await core.close()
  await live.close()
  await training?.close()
  rmSync(dir, { recursive: true, force: true })
})

const goLive = { platform: { baseUrl: '' }, oss: { endpoint: '', addressing: 'path-style' } }

describe('training applicants', () => {
  it('are removed in one admin action: unsynced ones deleted, ones the sandbox saw purged, audited with the count', async () => {
    expect(await ok('training:add-demo-applicants', { count: 3 })).toEqual({ created: 3 })
    const ids = core.store.applicants.list({ trainingOnly: true }).items.map((i) => i.id)
    expect(ids).toHaveLength(3)
    // One reached the sandbox: deleting it would lose what it holds there, so it is purged like retention does.
    runStep(core.store, ids[0] ?? '', 'sts')
    runStep(core.store, ids[0] ?? '', 'upload:front')

    expect(await ok('training:remove-applicants', {})).toEqual({ removed: 3 })
    expect(core.store.applicants.get(ids[1] ?? '')).toBeNull()
    expect(core.store.applicants.summary(ids[1] ?? '')).toBeNull()
    expect(core.store.applicants.summary(ids[0] ?? '')?.purgedAt).not.toBeNull()
    expect(events('training-removed').at(-1)).toMatchObject({ details: { count: 3 } })
    expect(events('removed')).toHaveLength(2)
    expect(events('purged').at(-1)).toMatchObject({ applicantId: ids[0], details: { reason: 'training-removed' } })
    expect(await ok('training:remove-applicants', {})).toEqual({ removed: 0 })
  })
})

describe('leaving training mode', () => {
  it('lists what is missing, and the core refuses the switch naming it', async () => {
    goLive.platform.baseUrl = live.api
    goLive.oss.endpoint = live.oss
    const empty = await ok('training:leave-checklist', {})
    expect(empty).toEqual({
      trainingMode: true,
      ready: false,
      items: [
        { item: 'platform-url', ok: false },
        { item: 'oss', ok: true },
        { item: 'connection-test', ok: false },
      ],
    })
    const refused = await call('settings:update', goLive)
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'training.leaveIncomplete', params: { missing: 'connection-test' } } } })
    expect(core.settings.get().platform.baseUrl).toBe('')
    const noOss = await call('settings:update', { ...goLive, oss: { region: '', endpoint: '' } })
    expect(noOss).toMatchObject({ ok: false, error: { reason: { params: { missing: 'oss,connection-test' } } } })
  })

  it('counts only a passing, recent test of the very addresses being saved', async () => {
    // A failing test (nothing listens on port 9) does not count.
    await ok('settings:test-connection', { patch: { ...goLive, platform: { baseUrl: 'http://127.0.0.1:9' } } })
    expect((await ok('training:leave-checklist', { patch: { ...goLive, platform: { baseUrl: 'http://127.0.0.1:9' } } })).ready).toBe(false)

    const tested = await ok('settings:test-connection', { patch: goLive })
    expect([tested.platform.ok, tested.oss.ok]).toEqual([true, true])
    expect((await ok('training:leave-checklist', { patch: goLive })).ready).toBe(true)
    // Another platform than the one tested, or a test gone stale, does not.
    expect((await ok('training:leave-checklist', { patch: { ...goLive, platform: { baseUrl: 'https://kyc.example.cn' } } })).ready).toBe(false)
    now += 31 * 60_000
    expect((await ok('training:leave-checklist', { patch: goLive })).items[2]).toEqual({ item: 'connection-test', ok: false })
    await ok('settings:test-connection', { patch: goLive })
  })

  it('switches once the checklist passes, audited, and the sandbox and its data are gone', async () => {
    const sandboxData = training?.dataDir ?? ''
    expect(existsSync(sandboxData)).toBe(true)
    await ok('settings:update', goLive)
    expect(core.settings.get().platform.baseUrl).toBe(live.api)
    expect(events('training-left').at(-1)).toMatchObject({ details: { platform: live.api } })
    await expect.poll(() => existsSync(sandboxData), { timeout: 10_000 }).toBe(false)
    expect((await ok('settings:get', {})).trainingMode).toBe(false)
  })
})

describe('changing the live platform with applicants still waiting for it', () => {
  const other = 'https://kyc-two.example.cn/api'

  it('is refused without the admin saying what becomes of them, with their count', async () => {
    await queueApplicant(core.store, 1, live.users[0] ?? { uid: '', token: '' })
    await queueApplicant(core.store, 2, live.users[1] ?? { uid: '', token: '' })
    const refused = await call('settings:update', { platform: { baseUrl: other } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'platform.waitingApplicants', params: { count: 2 } } } })
    expect(core.settings.get().platform.baseUrl).toBe(live.api)
  })

  it('keeps them tied to the old platform when asked to', async () => {
    await ok('settings:update', { platform: { baseUrl: other }, queuedApplicants: 'keep' })
    const all = core.store.applicants.list({}).items.filter((i) => i.purgedAt === null)
    expect(all.map((i) => i.environment)).toEqual([environmentOf(live.api), environmentOf(live.api)])
    expect(events('settings-changed').at(-1)).toMatchObject({ details: { waitingApplicants: 2, queuedApplicants: 'keep' } })
    // Back to the first platform: nothing of the second waits, so no question.
    await ok('settings:update', { platform: { baseUrl: live.api } })
  })

  it('re-targets them to the new platform, every step from the start, audited', async () => {
    const ids = core.store.applicants.list({}).items.filter((i) => i.purgedAt === null).map((i) => i.id)
    runStep(core.store, ids[0] ?? '', 'sts')
    await ok('settings:update', { platform: { baseUrl: other }, queuedApplicants: 'retarget' })
    for (const id of ids) {
      const summary = core.store.applicants.summary(id)
      expect(summary?.environment).toBe(environmentOf(other))
      expect(summary?.steps.every((s) => s.state === 'pending' && s.attempts === 0)).toBe(true)
    }
    expect(events('applicants-retargeted').at(-1)).toMatchObject({ details: { count: 2, from: environmentOf(live.api), to: environmentOf(other) } })
    expect(trainingEnvironment).not.toBe(environmentOf(other))
  })
})

describe('language per operator', () => {
  it('is kept with the operator, set by anyone, and comes back at sign-in', async () => {
    const { operator, temporaryPin } = await ok('operators:add', { name: 'Wang', role: 'operator' })
    await ok('operators:sign-out', {})
    await ok('operators:sign-in', { operatorId: operator.id, pin: temporaryPin })
    await ok('operators:change-pin', { currentPin: temporaryPin, newPin: '135792' })
    expect((await ok('operators:set-language', { language: 'en' })).signedIn?.language).toBe('en')
    expect(core.settings.get().language).toBe('zh-CN')
    expect(events('language-changed').at(-1)).toMatchObject({ operatorId: operator.id, details: { from: null, to: 'en' } })
    await ok('operators:sign-out', {})
    const admin = (await ok('operators:status', {})).operators.find((o) => o.name === 'Lin')
    expect((await ok('operators:sign-in', { operatorId: admin?.id ?? '', pin: '246810' })).signedIn?.language).toBeNull()
    await ok('operators:sign-out', {})
    expect((await ok('operators:sign-in', { operatorId: operator.id, pin: '135792' })).signedIn?.language).toBe('en')
  })
})
