import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IpcResult, ResponseOf } from '../../../../shared/contract'
import { failAuditInserts } from '../../db/test-support/failing-audit'
import { createLogger } from '../../log/logger'
import { Redactor } from '../../log/redact'
import { DB_FILE } from '../../queue/store'
import { openTestStore, type TestStore } from '../../queue/test-fixtures'
import { SettingsService } from '../../settings/settings-service'
import { dispatch } from '../dispatch'
import type { HandlerTable } from '../handler-table'
import { originSenderPolicy } from '../sender-policy'
import { settingsHandlers } from './settings'

const origin = 'app://kyc-desk'
let t: TestStore
let table: HandlerTable
beforeEach(async () => {
  t = await openTestStore()
  const settings = new SettingsService(t.store.settings, () => t.clock.now)
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
