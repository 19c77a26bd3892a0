import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failAuditInserts, failedAuditMessage } from '../db/test-support/failing-audit'
import { DB_FILE, openKycStore, type KycStore } from '../queue/store'
import { EnvKeyProvider } from '../vault/env-key-provider'
import { OperatorAdmin } from './operator-admin'
import { OperatorSession, type LockReason } from './operator-session'
import { lockoutMs, machineFreeFailures, maxFailedAttempts } from './sign-in-throttle'

describe('OperatorSession', () => {
  let dir: string
  let key: string
  let store: KycStore
  let now: number
  let locked: LockReason[]
  let session: OperatorSession
  let admin: OperatorAdmin

  async function open(): Promise<void> {
    store = await openKycStore({ dataDir: dir, keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: key }), now: () => now })
    session = new OperatorSession({
      operators: store.operators,
      audit: store.events,
      clock: () => now,
      lockAfterIdleMinutes: () => 10,
      onLocked: (reason) => locked.push(reason),
    })
    admin = new OperatorAdmin({ operators: store.operators, requireAdmin: (what) => session.requireAdmin(what), audit: store.events, clock: () => now })
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-ops-'))
    key = randomBytes(32).toString('hex')
    now = Date.UTC(2026, 10, 28, 9)
    locked = []
    await open()
  })
  afterEach(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const types = () => store.events.listAfter(0, 500).map((e) => e.type)
  const idOf = (status: { signedIn: { id: string } | null }) => status.signedIn?.id ?? ''

  /** The admin Lin, and a second operator Wang who has chosen their PIN; nobody signed in. */
  async function branch(): Promise<{ lin: string; wang: string }> {
    const lin = idOf(await session.create('Lin', '246810'))
    const { operator, temporaryPin } = await admin.add('Wang', 'operator')
    session.signOut()
    await session.signIn(operator.id, temporaryPin)
    await session.changePin(temporaryPin, '135792')
    session.signOut()
    return { lin, wang: operator.id }
  }

  it('asks for set-up on first run, and the first operator is an admin signed in at once', async () => {
    expect(session.status()).toMatchObject({ setupRequired: true, signedIn: null })
    const status = await session.create('Lin', '246810')
    expect(status.setupRequired).toBe(false)
    expect(status.signedIn).toMatchObject({ name: 'Lin', role: 'admin', mustChangePin: false })
    expect(types()).toEqual(['operator-created', 'signed-in'])
    await expect(session.create('Wang', '135792')).rejects.toMatchObject({ code: 'CONFLICT', reason: { key: 'operators.setupDone' } })
  })

  it('refuses weak PINs with a reason', async () => {
    await expect(session.create('Lin', '1234')).rejects.toThrow(/6 to 12 digits/)
    await expect(session.create('Lin', '111111')).rejects.toThrow(/repeated/)
    await expect(session.create('Lin', '123456')).rejects.toMatchObject({ reason: { key: 'pin.sequence' } })
    await expect(session.create('Lin', '98765a')).rejects.toThrow(/digits only/)
  })

  it('locks after the idle minutes, and a heartbeat postpones it', async () => {
    await session.create('Lin', '246810')
    now += 9 * 60_000
    expect(session.heartbeat().locksAt).toBe(now + 10 * 60_000)
    now += 9 * 60_000
    expect(session.requireOperator()).toBeTruthy()
    now += 60_000
    expect(() => session.requireOperator()).toThrow(/Sign in/)
    expect(locked).toEqual(['idle'])
    expect(types()).toContain('locked')
  })

  it('holds an operator off after repeated wrong PINs, then lets them in', async () => {
    const { lin } = await branch()
    for (let i = 1; i < maxFailedAttempts; i++) {
      await expect(session.signIn(lin, '000000')).rejects.toMatchObject({ reason: { key: 'signIn.wrongPin', params: { n: maxFailedAttempts - i } } })
    }
    await expect(session.signIn(lin, '000000')).rejects.toMatchObject({ reason: { key: 'signIn.wrongPinHeldOff' } })
    await expect(session.signIn(lin, '246810')).rejects.toMatchObject({ code: 'LOCKED', reason: { key: 'signIn.heldOff', params: { n: 5 } } })
    now += lockoutMs + 1
    expect(idOf(await session.signIn(lin, '246810'))).toBe(lin)
    expect(types().filter((t) => t === 'sign-in-failed')).toHaveLength(maxFailedAttempts)
  })

  it('counts parallel wrong PINs one by one: the right PIN among them does not get in', async () => {
    const { lin } = await branch()
    const guesses = ['000001', '000002', '000003', '000004', '000005', '246810', '000006', '000007']
    const results = await Promise.allSettled(guesses.map((pin) => session.signIn(lin, pin)))
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    expect(session.status().signedIn).toBeNull()
    expect(types().filter((t) => t === 'sign-in-failed')).toHaveLength(maxFailedAttempts)
  })

  it('keeps the hold-off across a restart', async () => {
    const { lin } = await branch()
    for (let i = 0; i < maxFailedAttempts; i++) await session.signIn(lin, '000000').catch(() => undefined)
    store.close()
    await open()
    await expect(session.signIn(lin, '246810')).rejects.toMatchObject({ code: 'LOCKED', reason: { key: 'signIn.heldOff' } })
  })

  it('slows guessing spread across operators with a machine-wide back-off', async () => {
    const { lin, wang } = await branch()
    for (let i = 0; i < machineFreeFailures; i++) {
      // Alternating, and waiting out each operator's hold-off, so only the machine-wide count can stop it.
      await session.signIn(i % 2 === 0 ? lin : wang, '000000').catch(() => undefined)
      if (i % 8 === 7) now += lockoutMs + 1
    }
    await expect(session.signIn(lin, '246810')).rejects.toMatchObject({ code: 'LOCKED', reason: { key: 'signIn.machineBackoff', params: { n: 1 } } })
    now += 1_000
    expect(idOf(await session.signIn(lin, '246810'))).toBe(lin)
  })

  it('an admin adds an operator with a temporary PIN that works once and only to choose a new PIN', async () => {
    await session.create('Lin', '246810')
    const { operator, temporaryPin } = await admin.add('Wang', 'operator')
    expect(operator).toMatchObject({ role: 'operator', pinState: 'temporary' })
    session.signOut()
    const status = await session.signIn(operator.id, temporaryPin)
    expect(status.signedIn).toMatchObject({ name: 'Wang', mustChangePin: true })
    expect(() => session.requireOperator()).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: { key: 'session.pinChangeRequired' } }))
    session.signOut()
    await expect(session.signIn(operator.id, temporaryPin)).rejects.toMatchObject({ code: 'FORBIDDEN', reason: { key: 'signIn.temporaryUsed' } })
  })

  it('an operator changes their own PIN with the current one', async () => {
    const { wang } = await branch()
    await session.signIn(wang, '135792')
    await expect(session.changePin('000000', '975318')).rejects.toMatchObject({ reason: { key: 'pin.currentWrong' } })
    await session.changePin('135792', '975318')
    session.signOut()
    await expect(session.signIn(wang, '135792')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(idOf(await session.signIn(wang, '975318'))).toBe(wang)
    expect(types()).toContain('pin-changed')
  })

  it('refuses operator management to an operator, and audits the refusal', async () => {
    const { lin, wang } = await branch()
    await session.signIn(wang, '135792')
    expect(() => admin.list()).toThrow(expect.objectContaining({ code: 'FORBIDDEN', reason: { key: 'session.adminOnly', params: { what: 'operators' } } }))
    expect(() => admin.disable(lin)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
    expect(store.events.listAfter(0, 500).filter((e) => e.type === 'access-refused').map((e) => e.operatorId)).toEqual([wang, wang])
  })

  it('never leaves the machine without an active admin', async () => {
    const { lin, wang } = await branch()
    await session.signIn(lin, '246810')
    expect(() => admin.setRole(lin, 'operator')).toThrow(expect.objectContaining({ reason: { key: 'operators.lastAdmin' } }))
    expect(() => admin.disable(lin)).toThrow(expect.objectContaining({ reason: { key: 'operators.notSelf' } }))
    expect(admin.setRole(wang, 'admin').role).toBe('admin')
    expect(admin.setRole(lin, 'operator').role).toBe('operator')
    // Lin is no admin any more: the very next admin call is refused.
    expect(() => admin.list()).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
  })

  it("ends a disabled operator's session at once, and lets them back when re-enabled", async () => {
    const { lin, wang } = await branch()
    await session.signIn(wang, '135792')
    // Another admin tool (the command line) disables Wang while they are signed in.
    store.operators.disable(wang, now)
    expect(() => session.requireOperator()).toThrow(expect.objectContaining({ code: 'LOCKED' }))
    expect(locked).toContain('disabled')
    await expect(session.signIn(wang, '135792')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await session.signIn(lin, '246810')
    expect(session.status().operators.map((o) => o.name)).toEqual(['Lin'])
    admin.enable(wang)
    expect(session.status().operators.map((o) => o.name)).toEqual(['Lin', 'Wang'])
  })

  it('a reset PIN replaces the old one and must be changed', async () => {
    const { lin, wang } = await branch()
    await session.signIn(lin, '246810')
    const { temporaryPin } = await admin.resetPin(wang)
    session.signOut()
    await expect(session.signIn(wang, '135792')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect((await session.signIn(wang, temporaryPin)).signedIn?.mustChangePin).toBe(true)
    expect(types()).toContain('pin-reset')
  })

  it('keeps an operator’s language when its change cannot be put on record', async () => {
    const lin = idOf(await session.create('Lin', '246810'))
    failAuditInserts(join(dir, DB_FILE), 'language-changed')
    expect(() => session.setLanguage('en')).toThrow(failedAuditMessage)
    expect(store.operators.get(lin)?.language).toBeNull()
    expect(types()).not.toContain('language-changed')
  })

  it('sets up no admin when the audit log cannot take the creation', async () => {
    failAuditInserts(join(dir, DB_FILE), 'operator-created')
    await expect(session.create('Lin', '246810')).rejects.toThrow(failedAuditMessage)
    expect(store.operators.list()).toEqual([])
    expect(session.status()).toMatchObject({ setupRequired: true, signedIn: null })
    expect(types()).toEqual([])
  })

  it('keeps the current PIN when its change cannot be put on record', async () => {
    const { wang } = await branch()
    await session.signIn(wang, '135792')
    failAuditInserts(join(dir, DB_FILE), 'pin-changed')
    await expect(session.changePin('135792', '975318')).rejects.toThrow(failedAuditMessage)
    expect(await store.operators.verifyPin(wang, '975318')).toBe(false)
    expect(await store.operators.verifyPin(wang, '135792')).toBe(true)
    expect(types().filter((t) => t === 'pin-changed')).toHaveLength(1)
  })

  it('keeps a temporary PIN to be changed when the change cannot be put on record', async () => {
    await session.create('Lin', '246810')
    const { operator, temporaryPin } = await admin.add('Wang', 'operator')
    session.signOut()
    await session.signIn(operator.id, temporaryPin)
    failAuditInserts(join(dir, DB_FILE), 'pin-changed')
    await expect(session.changePin(temporaryPin, '135792')).rejects.toThrow(failedAuditMessage)
    expect(store.operators.get(operator.id)?.pinState).toBe('temporary-used')
    expect(session.status().signedIn).toMatchObject({ id: operator.id, mustChangePin: true })
  })

  it('creates the first admin and changes a PIN each with its audit event', async () => {
    const { lin, wang } = await branch()
    expect(store.events.listAfter(0, 500).filter((e) => e.type === 'operator-created')[0]).toMatchObject({ operatorId: lin, details: { created: lin, role: 'admin' } })
    expect(store.events.listAfter(0, 500).filter((e) => e.type === 'pin-changed')).toEqual([
      expect.objectContaining({ operatorId: wang, details: { operator: wang, temporary: true } }),
    ])
  })

  it('saves an operator’s language with its audit event', async () => {
    const lin = idOf(await session.create('Lin', '246810'))
    expect(session.setLanguage('en').signedIn?.language).toBe('en')
    expect(store.events.listAfter(0, 500).filter((e) => e.type === 'language-changed')).toEqual([
      expect.objectContaining({ operatorId: lin, details: { from: null, to: 'en' } }),
    ])
  })
})
