import { describe, expect, it } from 'vitest'
import type { PlatformOutcome } from '../platform-client/outcome'
import type { StsCredentials } from '../platform-client/platform-client'
import { refreshMarginMs, StsCache } from './sts-cache'

function credentials(expiresAt: number, token = 't1'): StsCredentials {
  return { accessKeyId: 'STS.x', accessKeySecret: 's', securityToken: token, expiresAt, bucket: 'b' }
}

describe('StsCache', () => {
  it('uses a 5-minute margin, or half the lifetime of short-lived credentials', () => {
    expect(refreshMarginMs(15 * 60_000)).toBe(5 * 60_000)
    expect(refreshMarginMs(60_000)).toBe(30_000)
  })

  it('reuses 60-second credentials for their first half, then asks again', async () => {
    let now = 0
    let fetches = 0
    const cache = new StsCache(() => now)
    const fetch = async (): Promise<PlatformOutcome<StsCredentials>> => {
      fetches++
      return { kind: 'ok', value: credentials(now + 60_000, `t${fetches}`) }
    }
    await cache.get('a', fetch)
    now = 29_000
    await cache.get('a', fetch)
    expect(fetches).toBe(1)
    now = 30_000
    await cache.get('a', fetch)
    expect(fetches).toBe(2)
  })

  it('asks once for several callers at the same moment', async () => {
    let fetches = 0
    const cache = new StsCache(() => 0)
    const fetch = async (): Promise<PlatformOutcome<StsCredentials>> => {
      fetches++
      await new Promise((r) => setTimeout(r, 5))
      return { kind: 'ok', value: credentials(15 * 60_000) }
    }
    await Promise.all([cache.get('a', fetch), cache.get('a', fetch), cache.get('a', fetch)])
    expect(fetches).toBe(1)
  })
})
