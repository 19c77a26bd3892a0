import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openKycStore, type KycStore } from '../queue/store'
import { EnvKeyProvider } from '../vault/env-key-provider'
import { lockoutMs, maxFailedAttempts, OperatorSession } from './operator-session'

describe('OperatorSession', () => {
  let dir: string
  let store: KycStore
  let now: number
  let locked: string[]
  let session: OperatorSession

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-ops-'))
    now = Date.UTC(2026, 10, 28, 9)
    store = await openKycStore({ dataDir: dir, keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }), now: () => now })
    locked = []
    session = new OperatorSession({
      operators: store.operators,
      audit: store.events,
      clock: () => now,
      lockAfterIdleMinutes: () => 10,
      onLocked: (reason) => locked.push(reason),
    })
  })
  afterEach(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const types = () => store.events.listAfter(0, 100).map((e) => e.type)

  it('asks for set-up on first run, and the first operator is signed in at once', async () => {
    expect(session.status()).toMatchObject({ setupRequired: true, signedIn: null })
    const status = await session.create('Lin', '246810')
    expect(status.setupRequired).toBe(false)
    expect(status.signedIn?.name).toBe('Lin')
    expect(types()).toEqual(['operator-created', 'signed-in'])
  })

  it('refuses weak PINs with a reason', async () => {
    await expect(session.create('Lin', '1234')).rejects.toThrow(/6 to 12 digits/)
    await expect(session.create('Lin', '111111')).rejects.toThrow(/repeated/)
    await expect(session.create('Lin', '123456')).rejects.toThrow(/consecutive/)
    await expect(session.create('Lin', '98765a')).rejects.toThrow(/digits only/)
  })

  it('lets only a signed-in operator add operators after the first', async () => {
    await session.create('Lin', '246810')
    session.signOut()
    await expect(session.create('Wang', '135792')).rejects.toMatchObject({ code: 'LOCKED' })
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
    const { signedIn } = await session.create('Lin', '246810')
    session.signOut()
    const id = signedIn?.id ?? ''
    for (let i = 1; i < maxFailedAttempts; i++) {
      await expect(session.signIn(id, '000000')).rejects.toThrow(/Wrong PIN/)
    }
    await expect(session.signIn(id, '000000')).rejects.toThrow(/held off/)
    await expect(session.signIn(id, '246810')).rejects.toMatchObject({ code: 'LOCKED' })
    now += lockoutMs + 1
    expect((await session.signIn(id, '246810')).signedIn?.id).toBe(id)
    expect(types().filter((t) => t === 'sign-in-failed')).toHaveLength(maxFailedAttempts)
  })
})
