import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IpcResult, ResponseOf } from '../../../../shared/contract'
import type { StepChange } from '../../../../shared/contract/applicants'
import { environmentOf } from '../../../../shared/domain/environment'
import { failAuditInserts } from '../../db/test-support/failing-audit'
import { createLogger } from '../../log/logger'
import { Redactor } from '../../log/redact'
import { DB_FILE } from '../../queue/store'
import { createQueued, openTestStore, passportIdentity, runStep, type TestStore } from '../../queue/test-fixtures'
import { SettingsService } from '../../settings/settings-service'
import { dispatch } from '../dispatch'
import type { HandlerTable } from '../handler-table'
import { originSenderPolicy } from '../sender-policy'
import { settingsHandlers } from './settings'

const origin = 'app://kyc-desk'
let t: TestStore
let settings: SettingsService
let table: HandlerTable
beforeEach(async () => {
  t = await openTestStore()
  settings = new SettingsService(t.store.settings, () => t.clock.now)
  // Only the settings channels: the others are never called here.
  table = settingsHandlers({
    dataDir: t.dir,
    settings,
    training: () => null,
    store: t.store,
    operatorId: () => 'op-1',
    requireAdmin: () => undefined,
    clock: () => t.clock.now,
  }) as unknown as HandlerTable
})
afterEach(() => t.cleanup())

const call = (channel: 'settings:update' | 'settings:get', request: object) =>
  dispatch(table, channel, request, `${origin}/index.html`, originSenderPolicy([origin]), createLogger({ redactor: new Redactor() }))

describe('settings:update when the audit log cannot take the change', () => {
  it('answers INTERNAL and keeps the proxy in force', async () => {
    failAuditInserts(join(t.dir, DB_FILE), 'settings-changed')
    const result = await call('settings:update', { network: { proxy: { mode: 'manual', url: 'http://proxy.bank.example:8080' } } })
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const view = (await call('settings:get', {})) as IpcResult<ResponseOf<'settings:get'>>
    expect(view).toMatchObject({ ok: true, value: { settings: { network: { proxy: { mode: 'system', url: '' } } } } })
    expect(t.store.events.listAfter(0, 100).filter((e) => e.type === 'settings-changed')).toEqual([])
  })
})

describe('settings:update moving waiting applicants to a new platform', () => {
  const first = 'https://kyc.bank.example/api'
  const second = 'https://kyc-two.bank.example/api'
  let ids: string[]
  let published: StepChange[]

  /** Two applicants queued for the first live platform, one of them with its STS grant in hand. */
  beforeEach(async () => {
    settings.update({ platform: { baseUrl: first } })
    t.store.setEnvironment(environmentOf(first))
    ids = [await createQueued(t.store), await createQueued(t.store, passportIdentity)]
    runStep(t.store, ids[0] ?? '', 'sts')
    published = []
    t.store.onStepChange((change) => published.push(change))
  })

  const environments = () => ids.map((id) => t.store.applicants.summary(id)?.environment)
  const audited = (type: string) => t.store.events.listAfter(0, 100).filter((e) => e.type === type)
  const retarget = () => call('settings:update', { platform: { baseUrl: second }, queuedApplicants: 'retarget' })
  const view = async () => (await call('settings:get', {})) as IpcResult<ResponseOf<'settings:get'>>

  it('saves neither the platform nor the move when the move cannot be put on record', async () => {
    failAuditInserts(join(t.dir, DB_FILE), 'applicants-retargeted')
    expect(await retarget()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(await view()).toMatchObject({ ok: true, value: { settings: { platform: { baseUrl: first } } } })
    expect(new SettingsService(t.store.settings, () => t.clock.now).get().platform.baseUrl).toBe(first)
    expect(environments()).toEqual([environmentOf(first), environmentOf(first)])
    expect(t.store.applicants.summary(ids[0] ?? '')?.steps.find((s) => s.name === 'sts')?.state).toBe('done')
    expect(published).toEqual([])
    expect(audited('settings-changed')).toEqual([])
  })

  it('moves them with the platform, every step from the start, announced once committed', async () => {
    // What a listener sees must already be in the file: read from a second connection.
    const reader = new Database(join(t.dir, DB_FILE), { readonly: true })
    const committedEnvironment = reader.prepare('SELECT environment FROM applicants WHERE id = ?').pluck()
    const seen: unknown[] = []
    t.store.onStepChange((change) => seen.push(committedEnvironment.get(change.applicantId)))
    try {
      expect(await retarget()).toMatchObject({ ok: true, value: { settings: { platform: { baseUrl: second } } } })
    } finally {
      reader.close()
    }
    expect(environments()).toEqual([environmentOf(second), environmentOf(second)])
    for (const id of ids) expect(t.store.applicants.summary(id)?.steps.every((s) => s.state === 'pending' && s.attempts === 0)).toBe(true)
    expect(published.filter((c) => c.applicantId === ids[0] && c.step === 'sts')).toEqual([expect.objectContaining({ state: 'pending', attempts: 0 })])
    expect(seen.length).toBeGreaterThan(0)
    expect(new Set(seen)).toEqual(new Set([environmentOf(second)]))
    expect(audited('applicants-retargeted')).toEqual([expect.objectContaining({ operatorId: 'op-1', details: { count: 2, from: environmentOf(first), to: environmentOf(second) } })])
    expect(audited('settings-changed').at(-1)).toMatchObject({ details: { waitingApplicants: 2, queuedApplicants: 'retarget' } })
  })
})
