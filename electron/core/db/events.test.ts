import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from './connection'
import { EventsRepository, UnknownEventTypeError } from './tables/events/repository'

let dir: string
let db: Db
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-events-'))
  db = openDatabase({ file: join(dir, 'q.sqlite') })
})
afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('events', () => {
  it('appends and lists per applicant in order', () => {
    const events = new EventsRepository(db)
    const a = events.append({ at: 1, applicantId: 'a', operatorId: 'op', type: 'captured', details: { slots: ['front'] } })
    events.append({ at: 2, applicantId: 'b', operatorId: null, type: 'queued', details: {} })
    const c = events.append({ at: 3, applicantId: 'a', operatorId: null, type: 'step-done', details: { step: 'sts' } })
    expect(events.listForApplicant('a').map((e) => e.id)).toEqual([a, c])
    expect(events.listForApplicant('a', { afterId: a })).toMatchObject([{ type: 'step-done', details: { step: 'sts' } }])
    expect(events.listAfter(0, 10)).toHaveLength(3)
  })

  it('is append-only: UPDATE and DELETE raise, even from plain SQL', () => {
    const events = new EventsRepository(db)
    events.append({ at: 1, applicantId: 'a', operatorId: null, type: 'captured', details: {} })
    expect(() => db.prepare(`UPDATE events SET type = 'purged'`).run()).toThrow(/append-only/)
    expect(() => db.prepare(`UPDATE events SET details = '{}' WHERE id = 1`).run()).toThrow(/append-only/)
    expect(() => db.prepare(`DELETE FROM events`).run()).toThrow(/append-only/)
    expect(events.listAfter(0, 10)).toHaveLength(1)
  })

  it('refuses an unknown type and details that are not JSON', () => {
    const events = new EventsRepository(db)
    // @ts-expect-error: the type list is closed
    expect(() => events.append({ at: 1, applicantId: null, operatorId: null, type: 'hacked', details: {} })).toThrow(UnknownEventTypeError)
    expect(() => db.prepare(`INSERT INTO events (at, type, details) VALUES (1, 'captured', 'not json')`).run()).toThrow()
  })
})
