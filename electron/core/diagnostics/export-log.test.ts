import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger'
import { Redactor } from '../log/redact'
import type { DialogPort } from '../ports'
import { openTestStore, type TestStore } from '../queue/test-fixtures'
import { CallLog } from './call-log'
import { exportLog, type LogExportDeps } from './export-log'

let t: TestStore
let dir: string
beforeEach(async () => {
  t = await openTestStore()
  dir = mkdtempSync(join(tmpdir(), 'kyc-log-export-'))
})
afterEach(() => {
  t.cleanup()
  rmSync(dir, { recursive: true, force: true })
})

function deps(dialogs: DialogPort): LogExportDeps {
  const redactor = new Redactor()
  const logFile = join(dir, 'kyc-desk.log')
  const log = createLogger({ redactor, file: logFile, clock: () => t.clock.now })
  log.warn('sync.step-failed', { code: '500' })
  return { log, logFile, redactor, calls: new CallLog(() => t.clock.now), dialogs, audit: t.store.events, clock: () => t.clock.now, timeZone: () => 'UTC' }
}
const exported = () => t.store.events.listAfter(0, 100).filter((e) => e.type === 'exported')

describe('exporting the log for IT', () => {
  it('records the export with its format, record count and operator', async () => {
    const saved = await exportLog(deps({ saveFile: (request) => (request.contents(), Promise.resolve({ saved: true, location: '/tmp/log.jsonl' })) }), 'jsonl', 'op-1')
    expect(saved).toMatchObject({ saved: true, path: '/tmp/log.jsonl' })
    expect(saved.records).toBeGreaterThan(0)
    expect(exported()).toEqual([expect.objectContaining({ operatorId: 'op-1', details: { kind: 'diagnostics', format: 'jsonl', records: saved.records } })])
  })

  it('records nothing when the operator cancels', async () => {
    expect(await exportLog(deps({ saveFile: () => Promise.resolve({ saved: false }) }), 'csv', 'op-1')).toEqual({ saved: false, path: null, records: 0 })
    expect(exported()).toEqual([])
  })
})
