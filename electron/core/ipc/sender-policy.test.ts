import { describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger'
import { Redactor } from '../log/redact'
import { dispatch } from './dispatch'
import type { HandlerTable } from './handler-table'
import { originSenderPolicy } from './sender-policy'

describe('the IPC sender policy with the production origin', () => {
  const log = createLogger({ redactor: new Redactor() })
  const table = new Proxy({} as HandlerTable, { get: () => async () => ({ firstRun: true, operators: [] }) })

  it('lets the packaged renderer at app://kyc-desk/index.html call the core (it refused it once)', async () => {
    const policy = originSenderPolicy(['app://kyc-desk'])
    expect(policy.isTrusted('app://kyc-desk/index.html')).toBe(true)
    const result = await dispatch(table, 'operators:status', {}, 'app://kyc-desk/index.html', policy, log)
    expect(result).not.toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) }))
  })

  it('refuses every other frame', async () => {
    const policy = originSenderPolicy(['app://kyc-desk'])
    for (const url of ['app://kyc-desk.evil/index.html', 'app://other/', 'https://evil.example/', 'about:blank', '']) {
      const result = await dispatch(table, 'operators:status', {}, url, policy, log)
      expect(result, url).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }) })
    }
  })
})
