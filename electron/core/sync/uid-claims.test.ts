import { afterEach, describe, expect, it } from 'vitest'
import { queueApplicant } from './test-support/applicants'
import { engineHarness, type EngineHarness } from './test-support/engine-harness'
import { UidClaims } from './uid-claims'

describe('one applicant per platform account at a time', () => {
  let h: EngineHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('never runs two applicants bound to one uid at once, and runs the second after the first', async () => {
    h = await engineHarness({ sync: { concurrency: 4 } })
    const uid = '1000000000000000077'
    const first = await queueApplicant(h.store, 1, { uid, token: 'token-first-abcdef' })
    const second = await queueApplicant(h.store, 2, { uid, token: 'token-second-abcdef' })
    const other = await queueApplicant(h.store, 3, { uid: '1000000000000000078', token: 'token-other-abcdef' })
    h.engine.start()
    h.engine.sync([second])
    await h.clock.until(() => h!.allIn([first, second, other], ['submitted', 'needs-attention']))
    const tokens = h.platform.calls.filter((c) => c.uid === uid).map((c) => c.token)
    // All of one applicant's calls, then all of the other's: no interleaving on the account.
    const switches = tokens.filter((t, i) => i > 0 && t !== tokens[i - 1]).length
    expect(switches).toBe(1)
    expect(new Set(tokens).size).toBe(2)
    expect(h.platform.calls.some((c) => c.uid === '1000000000000000078')).toBe(true)
  })

  it('frees a uid when its holder ends, and only the waiters for that uid', () => {
    const claims = new UidClaims()
    expect(claims.claim('a', 'u1')).toBe(true)
    expect(claims.claim('b', 'u1')).toBe(false)
    expect(claims.claim('c', 'u2')).toBe(true)
    expect(claims.claim('d', 'u2')).toBe(false)
    claims.release('b')
    expect(claims.isWaiting('b')).toBe(true)
    claims.release('a')
    expect(claims.isWaiting('b')).toBe(false)
    expect(claims.isWaiting('d')).toBe(true)
    expect(claims.claim('b', 'u1')).toBe(true)
  })
})
