import Database from 'better-sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { queueApplicant } from './test-support/applicants'
import { engineHarness, type EngineHarness } from './test-support/engine-harness'

let h: EngineHarness | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await h?.close()
  h = undefined
})

const binding = { uid: '1000000000000000001', token: 'token-of-1-secret' }

/**
 * Which `synchronous` mode the store's connection is in: FULL commits fsync before they return,
 * NORMAL ones wait for the group's WAL sync (and a power cut may lose them).
 */
function trackSynchronousMode(): () => string {
  let mode = 'FULL'
  const pragma = Database.prototype.pragma
  vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
    const set = /^synchronous\s*=\s*(\w+)$/i.exec(source.trim())
    if (set) mode = set[1]!.toUpperCase()
    return pragma.call(this, source, options)
  })
  return () => mode
}

describe('finding 12: a verify token is on disk before anyone sees it, so a replay cannot kill a shown QR code', () => {
  it('commits the liveness:token outcome with an fsync, and the other steps in the group window', async () => {
    const mode = trackSynchronousMode()
    h = await engineHarness()
    const publishedUnder = new Map<string, string>()
    h.store.onStepChange((change) => {
      if (change.state === 'done') publishedUnder.set(change.step, mode())
    })
    const id = await queueApplicant(h.store, 1, binding)
    h.engine.start()
    await h.clock.until(() => h!.status(id) === 'submitted')
    expect(h.engine.startLiveness(id)).toMatchObject({ ok: true })
    await h.clock.until(() => publishedUnder.has('liveness:token'), { stepMs: 10 })

    expect(h.store.steps.stepData(id, 'liveness:token')?.verifyToken).toBe(`verify-${binding.uid}-1`)
    // Published (and readable by liveness:session) only once it is durable.
    expect(publishedUnder.get('liveness:token')).toBe('FULL')
    // The submission steps still share one WAL sync per run.
    expect(publishedUnder.get('upload:front')).toBe('NORMAL')
    expect(publishedUnder.get('authnew:1')).toBe('NORMAL')
  })
})
