import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger'
import { Redactor } from '../log/redact'
import type { DialogPort, SaveFileRequest } from '../ports'
import { createQueued, identity, openTestStore, type TestStore } from '../queue/test-fixtures'
import { exportReport, type ReportExportDeps } from './export-report'

let t: TestStore
let written: string[]
beforeEach(async () => {
  t = await openTestStore()
  written = []
  await createQueued(t.store)
})
afterEach(() => t.cleanup())

/** A save dialog that puts the file at `location`, cancels (null), or fails to write. */
function dialogs(location: string | null | 'fails'): DialogPort {
  return {
    saveFile: (request: SaveFileRequest) => {
      if (location === 'fails') return Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }))
      if (location === null) return Promise.resolve({ saved: false })
      written.push(request.contents())
      return Promise.resolve({ saved: true, location })
    },
  }
}

const deps = (location: string | null | 'fails'): ReportExportDeps => ({
  store: t.store,
  dialogs: dialogs(location),
  clock: () => t.clock.now,
  timeZone: () => 'Asia/Shanghai',
  log: createLogger({ redactor: new Redactor() }),
})
const exported = () => t.store.events.listAfter(0, 100).filter((e) => e.type === 'exported')

describe('exporting a report', () => {
  it('records the export with its kind, rows and operator, never its contents', async () => {
    const result = await exportReport(deps('/home/teller/status.csv'), { kind: 'status-report', includePersonalData: true }, 'op-1')
    expect(result).toEqual({ saved: true, fileName: 'status.csv', rows: 1 })
    expect(written[0]).toContain(identity.documentNumber)
    expect(exported()).toEqual([expect.objectContaining({ operatorId: 'op-1', details: { kind: 'status-report', rows: 1, includePersonalData: true } })])
    expect(JSON.stringify(exported())).not.toContain(identity.documentNumber)
  })

  it('records nothing when the operator cancels or the file cannot be written', async () => {
    expect(await exportReport(deps(null), { kind: 'audit-log', includePersonalData: false }, 'op-1')).toEqual({ saved: false, fileName: null, rows: 0 })
    await expect(exportReport(deps('fails'), { kind: 'audit-log', includePersonalData: false }, 'op-1')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      reason: { key: 'export.reportWriteFailed' },
    })
    expect(exported()).toEqual([])
  })
})
