import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelName, IpcResult, RequestOf, ResponseOf } from '../../../shared/contract'
import { adminOnlySettings } from '../../../shared/domain/settings-access'
import { dispatch } from '../ipc/dispatch'
import { adminChannels } from '../ipc/require-operator'
import { originSenderPolicy } from '../ipc/sender-policy'
import { KeyFileProvider } from '../vault/key-file-provider'
import { createCore, type Core } from './create-core'

/**
 * Roles through dispatch, as the window calls them, over a real core: an admin adds a teller, the
 * teller signs in with the temporary PIN, must change it, is refused the admin settings and
 * channels (each refusal audited), and loses the session when disabled.
 */
const origin = 'app://kyc-desk'
const policy = originSenderPolicy([origin])
let dir: string
let core: Core
const locks: string[] = []

async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<IpcResult<ResponseOf<C>>> {
  return (await dispatch(core.handlers, channel, request, `${origin}/index.html`, policy, core.log)) as IpcResult<ResponseOf<C>>
}
async function ok<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const result = await call(channel, request)
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
  return result.value
}
const events = (type: string) => core.store.events.listAfter(0, 1000).filter((e) => e.type === type)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-roles-'))
  core = await createCore({
    dataDir: join(dir, 'app'),
    appVersion: '0.0.0-test',
    keyProvider: new KeyFileProvider({ file: join(dir, 'kek') }),
    training: { api: 'http://127.0.0.1:9', admin: { fetch: () => Promise.reject(new Error('no sandbox here')) }, oss: 'http://127.0.0.1:9', bucket: 'b', users: [] },
    startSync: false,
  })
  core.events.on('operators:locked', ({ reason }) => locks.push(reason))
  await ok('operators:create', { name: 'Lin', pin: '246810' })
}, 30_000)

afterAll(async () => {
  await core.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('roles end to end through dispatch', () => {
  let tellerId = ''
  let temporaryPin = ''

  it('the admin adds a teller and is shown a temporary PIN', async () => {
    const added = await ok('operators:add', { name: 'Wang', role: 'operator' })
    expect(added.temporaryPin).toMatch(/^\d{8}$/)
    tellerId = added.operator.id
    temporaryPin = added.temporaryPin
    const { operators } = await ok('operators:list', {})
    expect(operators.map((o) => [o.name, o.role, o.pinState])).toEqual([
      ['Lin', 'admin', 'set'],
      ['Wang', 'operator', 'temporary'],
    ])
  })

  it('the admin changes admin-only settings, audited with the old and new values', async () => {
    // The OSS endpoint, since leaving training mode takes its own checklist (leave-training.test.ts).
    await ok('settings:update', { retention: { purgeVerifiedAfterDays: 30 }, oss: { endpoint: 'https://user:pw@oss.example.cn/api?x=1' } })
    const last = events('settings-changed').at(-1)
    expect(last?.details['changes']).toEqual([
      { field: 'oss.endpoint', from: '', to: 'https://oss.example.cn/api' },
      { field: 'retention.purgeVerifiedAfterDays', from: 7, to: 30 },
    ])
    await ok('settings:update', { oss: { endpoint: '' } })
    // The branch name the customer's receipt prints.
    await ok('settings:update', { branchName: '  北京朝阳支行 ' })
    expect(core.settings.get().branchName).toBe('北京朝阳支行')
  })

  it('finding 1: a scanner folder is refused when it is set, naming the field and the reason', async () => {
    for (const [folder, reason] of [
      [join(dir, 'app'), 'data-folder'],
      [join(dir, 'app', 'logs'), 'data-folder'],
      ['scans', 'not-absolute'],
      [join(dir, 'no-such-folder'), 'missing'],
      ['/etc', 'system-folder'],
    ] as const) {
      const refused = await call('settings:update', { intake: { scannerFolder: folder } })
      expect(refused, folder).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ field: 'intake.scannerFolder', code: `scanner-folder.${reason}` }] } })
      expect(core.settings.get().intake.scannerFolder).toBe('')
    }
    const refused = await call('settings:update', { intake: { scannerFolder: join(dir, 'app') } })
    expect(refused.ok ? null : refused.error.reason).toEqual({ key: 'settings.scannerFolder.data-folder', params: { folder: join(dir, 'app') } })
    const scans = mkdtempSync(join(dir, 'scans-'))
    await ok('settings:update', { intake: { scannerFolder: scans } })
    expect(core.settings.get().intake.scannerFolder).toBe(scans)
    await ok('settings:update', { intake: { scannerFolder: '' } })
  })

  it('the admin sets a proxy with a password and a CA file: a bad file is refused, the password never audited', async () => {
    const notPem = join(dir, 'not-a-ca.pem')
    writeFileSync(notPem, 'not a certificate')
    const refused = await call('settings:update', { network: { caFile: notPem } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ field: 'network.caFile', code: 'ca-file.no-certificate' }] } })
    expect(core.settings.get().network.caFile).toBe('')
    const proxy = { mode: 'manual', url: 'http://proxy.bank.example:8080', username: 'branch-07', password: 'hunter2', bypass: ['.bank.example'] }
    const view = await ok('settings:update', { network: { proxy } })
    expect(core.settings.get().network.proxy).toEqual(proxy)
    const last = events('settings-changed').at(-1)
    expect(last?.details['changes']).toContainEqual({ field: 'network.proxy.password', from: '(hidden)', to: '(hidden)' })
    expect(JSON.stringify(last?.details)).not.toContain('hunter2')
    // The window never gets the password back; saving the form without one keeps it.
    expect(view).toMatchObject({ proxyPasswordSet: true, settings: { network: { proxy: { password: '' } } } })
    expect(JSON.stringify(await ok('settings:get', {}))).not.toContain('hunter2')
    await ok('settings:update', { network: { proxy: { ...proxy, password: undefined, bypass: [] } } })
    expect(core.settings.get().network.proxy).toMatchObject({ password: 'hunter2', bypass: [] })
    await ok('settings:update', { network: { proxy: { mode: 'system' } } })
  })

  it('the teller signs in with the temporary PIN and can do nothing before changing it', async () => {
    await ok('operators:sign-out', {})
    const status = await ok('operators:sign-in', { operatorId: tellerId, pin: temporaryPin })
    expect(status.signedIn).toMatchObject({ name: 'Wang', role: 'operator', mustChangePin: true })
    const refused = await call('applicants:list', {})
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: { key: 'session.pinChangeRequired' } } })
    await ok('operators:change-pin', { currentPin: temporaryPin, newPin: '135792' })
    expect((await ok('operators:status', {})).signedIn?.mustChangePin).toBe(false)
    expect((await call('applicants:list', {})).ok).toBe(true)
  })

  it('the teller is refused the platform URL and every admin channel, each refusal audited', async () => {
    const before = events('access-refused').length
    const url = await call('settings:update', { platform: { baseUrl: 'https://evil.example.com' } })
    expect(url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: { key: 'session.adminOnly' } } })
    expect(core.settings.get().platform.baseUrl).toBe('')
    for (const path of adminOnlySettings) {
      const patch = path === 'lockAfterIdleMinutes' ? { lockAfterIdleMinutes: 240 } : path === 'intake.scannerFolder' ? { intake: { scannerFolder: dir } } : path === 'branchName' ? { branchName: '他处支行' } : null
      if (patch) expect((await call('settings:update', patch)).ok).toBe(false)
    }
    expect((await call('settings:update', { retention: { purgeVerifiedAfterDays: 0 } })).ok).toBe(false)
    expect((await call('settings:update', { oss: { region: 'oss-cn-beijing' } })).ok).toBe(false)
    expect((await call('settings:update', { network: { proxy: { mode: 'none' } } })).ok).toBe(false)
    const requests: Record<string, unknown> = {
      'operators:list': {},
      'operators:add': { name: 'X', role: 'admin' },
      'operators:set-role': { operatorId: tellerId, role: 'admin' },
      'backup:create': { passphrase: 'a long enough passphrase' },
      'training:leave-checklist': {},
      'training:remove-applicants': {},
    }
    for (const channel of adminChannels) {
      const result = await dispatch(core.handlers, channel, requests[channel] ?? { operatorId: tellerId }, `${origin}/`, policy, core.log)
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    const personal = await call('applicants:export', { kind: 'status-report', includePersonalData: true })
    expect(personal).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(core.settings.get().branchName).toBe('北京朝阳支行')
    expect(events('access-refused').length - before).toBe(7 + adminChannels.size + 1)
    expect(events('access-refused').at(-1)).toMatchObject({ operatorId: tellerId, details: { what: 'export:personal-data' } })
  })

  it('the teller may still change what is theirs to change', async () => {
    const view = await ok('settings:update', { language: 'en', sync: { concurrency: 2 } })
    expect(view.settings.language).toBe('en')
    // Sending an admin section unchanged is not a change of it.
    expect((await call('settings:update', { retention: { purgeVerifiedAfterDays: 30 } })).ok).toBe(true)
  })

  it('the admin disables the teller and the session they had ends', async () => {
    await ok('operators:sign-out', {})
    const admin = (await ok('operators:status', {})).operators.find((o) => o.name === 'Lin')
    await ok('operators:sign-in', { operatorId: admin?.id ?? '', pin: '246810' })
    const disabled = await ok('operators:disable', { operatorId: tellerId })
    expect(disabled.disabledAt).not.toBeNull()
    expect((await ok('operators:status', {})).operators.map((o) => o.name)).toEqual(['Lin'])
    expect(await call('operators:sign-in', { operatorId: tellerId, pin: '135792' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const lastAdmin = await call('operators:set-role', { operatorId: admin?.id ?? '', role: 'operator' })
    expect(lastAdmin).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: { key: 'operators.lastAdmin' } } })
  })
})
