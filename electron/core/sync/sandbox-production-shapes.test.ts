import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { queueApplicant } from './test-support/applicants'
import { portOf, sandboxHarness, waitFor, type SandboxHarness } from './test-support/sandbox-harness'

let h: SandboxHarness | null = null
afterEach(async () => {
  await h?.close()
  h = null
})

/** The hosts entry the test controls: the region endpoint and every `<bucket>.` name under it are this machine. */
const OSS_HOST = 'oss-cn-hangzhou.sandbox.test'
const hosts: string[] = []
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== OSS_HOST && !hostname.endsWith(`.${OSS_HOST}`)) return dnsLookup(hostname, options, callback)
  hosts.push(hostname)
  if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, [{ address: '127.0.0.1', family: 4 }])
  callback(null, '127.0.0.1', 4)
}

const userSchema = z.object({ steps: z.record(z.string(), z.unknown()) })

describe('the production shapes, each through a full sync against the sandbox', () => {
  it('virtual-host OSS addressing on a region endpoint, image URLs for authnew and JSON bodies: submitted', async () => {
    h = await sandboxHarness({
      platform: { encoding: 'json' },
      ossSettings: { imageReference: 'url', addressing: 'virtual-host' },
      oss: (sandbox) => ({ endpoint: `http://${OSS_HOST}:${portOf(sandbox.oss)}`, addressing: 'virtual-host', limits: { lookup } }),
    })
    const user = await h.createUser()
    const id = await queueApplicant(h.store, 6, user)
    h.engine.start()
    await waitFor(() => h!.status(id) !== undefined && ['submitted', 'needs-attention'].includes(h!.status(id)!), 20_000, 'sync finished')
    expect(h.status(id)).toBe('submitted')

    // Every upload went to the bucket's own host name, as on Aliyun.
    expect(new Set(hosts)).toEqual(new Set([`${h.sandbox.bucket}.${OSS_HOST}`]))
    // authnew received full URLs of those objects on that host.
    const { steps } = await h.admin(`/users/${user.uid}`, userSchema)
    const key = h.store.steps.stepData(id, 'upload:front')?.objectKey
    expect(steps['2']).toMatchObject({ value: `http://${h.sandbox.bucket}.${OSS_HOST}:${portOf(h.sandbox.oss)}/${key}`, key })
  })
})
