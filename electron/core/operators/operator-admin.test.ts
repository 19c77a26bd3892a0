import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { EventType } from '../db/tables/events/repository'
import { failAuditInserts, failedAuditMessage } from '../db/test-support/failing-audit'
import { DB_FILE } from '../queue/store'
import { openTestStore, type TestStore } from '../queue/test-fixtures'
import { OperatorAdmin } from './operator-admin'
import { OperatorSession } from './operator-session'

/**
 * Each admin action and its audit event commit in one transaction: when the audit log cannot
 * take the event (a full disk, a busy timeout), the operator stays exactly as before.
 */
let t: TestStore
let session: OperatorSession
let admin: OperatorAdmin
let lin: string
let wang: string

beforeEach(async () => {
  t = await openTestStore()
  session = new OperatorSession({ operators: t.store.operators, audit: t.store.events, clock: () => t.clock.now, lockAfterIdleMinutes: () => 10, onLocked: () => undefined })
  admin = new OperatorAdmin({ operators: t.store.operators, requireAdmin: (what) => session.requireAdmin(what), audit: t.store.events, clock: () => t.clock.now })
  // The admin Lin is signed in; Wang has chosen their own PIN.
  lin = (await session.create('Lin', '246810')).signedIn?.id ?? ''
  const added = await admin.add('Wang', 'operator')
  wang = added.operator.id
  session.signOut()
  await session.signIn(wang, added.temporaryPin)
  await session.changePin(added.temporaryPin, '135792')
  session.signOut()
  await session.signIn(lin, '246810')
})
afterEach(() => t.cleanup())

const audited = (type: EventType) => t.store.events.listAfter(0, 500).filter((e) => e.type === type)
const failAudit = (type: EventType) => failAuditInserts(join(t.dir, DB_FILE), type)

/** The stored PIN hash, read as another process would. */
function pinHashOf(id: string): Buffer {
  const db = new Database(join(t.dir, DB_FILE), { readonly: true })
  try {
    return z.instanceof(Buffer).parse(db.prepare('SELECT pin_hash FROM operators WHERE id = ?').pluck().get(id))
  } finally {
    db.close()
  }
}

describe('an admin action the audit log cannot take', () => {
  it('adds no operator', async () => {
    failAudit('operator-created')
    await expect(admin.add('Zhao', 'admin')).rejects.toThrow(failedAuditMessage)
    expect(t.store.operators.getByName('Zhao')).toBeUndefined()
    expect(t.store.operators.list().map((o) => o.name)).toEqual(['Lin', 'Wang'])
  })

  it('leaves the operator enabled', () => {
    failAudit('operator-disabled')
    expect(() => admin.disable(wang)).toThrow(failedAuditMessage)
    expect(t.store.operators.get(wang)?.disabledAt).toBeNull()
    expect(audited('operator-disabled')).toEqual([])
  })

  it('leaves the operator disabled', () => {
    admin.disable(wang)
    failAudit('operator-enabled')
    expect(() => admin.enable(wang)).toThrow(failedAuditMessage)
    expect(t.store.operators.get(wang)?.disabledAt).toBe(t.clock.now)
    expect(audited('operator-enabled')).toEqual([])
  })

  it('leaves the role as it was', () => {
    failAudit('operator-role-changed')
    expect(() => admin.setRole(wang, 'admin')).toThrow(failedAuditMessage)
    expect(t.store.operators.get(wang)?.role).toBe('operator')
    expect(t.store.operators.activeAdminCount()).toBe(1)
  })

  it('keeps the old PIN and its failed attempts', async () => {
    const hash = pinHashOf(wang)
    t.store.operators.putFailures(wang, { count: 2, lastFailedAt: t.clock.now })
    failAudit('pin-reset')
    await expect(admin.resetPin(wang)).rejects.toThrow(failedAuditMessage)
    expect(pinHashOf(wang)).toEqual(hash)
    expect(t.store.operators.get(wang)?.pinState).toBe('set')
    expect(t.store.operators.failures(wang)).toEqual({ count: 2, lastFailedAt: t.clock.now })
    expect(await t.store.operators.verifyPin(wang, '135792')).toBe(true)
  })
})

describe('an admin action the audit log takes', () => {
  it('adds the operator with its event', async () => {
    const { operator } = await admin.add('Zhao', 'admin')
    expect(t.store.operators.get(operator.id)).toMatchObject({ name: 'Zhao', role: 'admin', pinState: 'temporary' })
    expect(audited('operator-created').at(-1)).toMatchObject({ operatorId: lin, details: { created: operator.id, role: 'admin' } })
  })

  it('disables and re-enables with an event each', () => {
    expect(admin.disable(wang).disabledAt).toBe(t.clock.now)
    expect(admin.enable(wang).disabledAt).toBeNull()
    expect(audited('operator-disabled')).toEqual([expect.objectContaining({ operatorId: lin, details: { operator: wang } })])
    expect(audited('operator-enabled')).toEqual([expect.objectContaining({ operatorId: lin, details: { operator: wang } })])
  })

  it('changes the role with its event', () => {
    expect(admin.setRole(wang, 'admin').role).toBe('admin')
    expect(audited('operator-role-changed')).toEqual([expect.objectContaining({ operatorId: lin, details: { operator: wang, from: 'operator', to: 'admin' } })])
  })

  it('resets the PIN with its event', async () => {
    const hash = pinHashOf(wang)
    t.store.operators.putFailures(wang, { count: 2, lastFailedAt: t.clock.now })
    const { operator, temporaryPin } = await admin.resetPin(wang)
    expect(operator.pinState).toBe('temporary')
    expect(pinHashOf(wang)).not.toEqual(hash)
    expect(t.store.operators.failures(wang)).toBeNull()
    expect(await t.store.operators.verifyPin(wang, temporaryPin)).toBe(true)
    expect(audited('pin-reset')).toEqual([expect.objectContaining({ operatorId: lin, details: { operator: wang } })])
  })
})
