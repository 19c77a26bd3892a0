import { describe, expect, it } from 'vitest'
import type { OssTarget, UploadOutcome } from '../oss/oss-uploader'
import { StsCache } from '../oss/sts-cache'
import type { PlatformOutcome } from '../platform-client/outcome'
import type { StsCredentials } from '../platform-client/platform-client'
import { putWithSts } from './sts-upload'

const target: OssTarget = { region: 'oss-cn-hangzhou', endpoint: 'http://127.0.0.1:1', addressing: 'path-style', timeoutMs: 5_000 }
const hour = 60 * 60_000

function credentials(n: number, expiresAt = Date.now() + hour): StsCredentials {
  return { accessKeyId: `STS.key${n}`, accessKeySecret: `secret${n}`, securityToken: `token${n}`, expiresAt, bucket: 'b' }
}

/** A getsts that counts calls and answers after a tick, like the network would. */
function platform(expiresAt?: number) {
  let calls = 0
  const fetch = async (): Promise<PlatformOutcome<StsCredentials>> => {
    calls += 1
    const n = calls
    await new Promise((r) => setTimeout(r, 5))
    return { kind: 'ok', value: credentials(n, expiresAt) }
  }
  return { fetch, calls: () => calls }
}

/** An OSS that refuses every credential issued before `acceptFrom` as expired. */
function oss(acceptFrom: number) {
  const seen: string[] = []
  const put = async (_t: OssTarget, c: StsCredentials, key: string): Promise<UploadOutcome> => {
    seen.push(`${c.accessKeyId} ${key}`)
    const n = Number(c.accessKeyId.replace('STS.key', ''))
    return n >= acceptFrom ? { kind: 'ok' } : { kind: 'credentials', code: 'SecurityTokenExpired', message: 'OSS: expired', reason: { key: 'stepError.oss.credentials', params: { code: 'SecurityTokenExpired' } } }
  }
  return { put, seen }
}

const request = (cache: StsCache, fetch: () => Promise<PlatformOutcome<StsCredentials>>, put: ReturnType<typeof oss>['put'], key = 'k') => ({
  cacheKey: 'a1:1001',
  cache,
  fetchSts: fetch,
  put,
  target,
  key,
  body: { bytes: Buffer.from('x'), contentMd5: 'ndTkYSaMgDT1yFZOFVxnpg==' },
})

describe('upload under STS credentials', () => {
  it('refreshes once on SecurityTokenExpired and retries the put once with the new credentials', async () => {
    const cache = new StsCache()
    const p = platform()
    const o = oss(2)
    expect(await putWithSts(request(cache, p.fetch, o.put))).toEqual({ kind: 'ok' })
    expect(p.calls()).toBe(2)
    expect(o.seen).toEqual(['STS.key1 k', 'STS.key2 k'])
  })

  it('gives a second credentials refusal back instead of looping', async () => {
    const cache = new StsCache()
    const p = platform()
    const o = oss(99)
    const outcome = await putWithSts(request(cache, p.fetch, o.put))
    expect(outcome).toMatchObject({ kind: 'credentials', code: 'SecurityTokenExpired' })
    expect(p.calls()).toBe(2)
    expect(o.seen).toHaveLength(2)
  })

  it('shares one getsts among three parallel uploads, also when all three meet the expiry at once', async () => {
    const cache = new StsCache()
    const p = platform()
    const o = oss(2)
    const results = await Promise.all(['front', 'back', 'hand'].map((key) => putWithSts(request(cache, p.fetch, o.put, key))))
    expect(results).toEqual([{ kind: 'ok' }, { kind: 'ok' }, { kind: 'ok' }])
    // One fetch for the first credentials, one (not three) for the refresh.
    expect(p.calls()).toBe(2)
    expect(o.seen.filter((s) => s.startsWith('STS.key2'))).toHaveLength(3)
  })

  it('asks again when the cached credentials are within five minutes of expiry', async () => {
    let now = 1_000_000
    const cache = new StsCache(() => now)
    const p = platform(now + 15 * 60_000)
    const o = oss(1)
    await putWithSts(request(cache, p.fetch, o.put))
    now += 9 * 60_000
    await putWithSts(request(cache, p.fetch, o.put))
    expect(p.calls()).toBe(1)
    now += 90_000
    await putWithSts(request(cache, p.fetch, o.put))
    expect(p.calls()).toBe(2)
  })

  it('hands back a getsts refusal or fault without trying OSS', async () => {
    const cache = new StsCache()
    const o = oss(1)
    const refused = async (): Promise<PlatformOutcome<StsCredentials>> => ({ kind: 'refused', status: -1001, message: '用户未登录' })
    expect(await putWithSts(request(cache, refused, o.put))).toEqual({ kind: 'sts', outcome: { kind: 'refused', status: -1001, message: '用户未登录' } })
    expect(o.seen).toHaveLength(0)
  })
})
