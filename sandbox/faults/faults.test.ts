import { request } from 'node:http'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { ossClient, ossErrorOf } from '../testing/oss-client'
import { envelopeSchema, getSts } from '../testing/platform-call'
import { sendRaw } from '../testing/raw-http'

// The fault profile causes 500s, delays and dropped connections at the configured rates. Draws
// are seeded, so these counts are reproducible; the tolerances are what a fair coin would allow.

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 1 })
})
afterAll(() => sandbox.close())
afterEach(async () => {
  await sandbox.admin.fetch(`/faults`, { method: 'DELETE' })
})

const countersSchema = z.object({ counters: z.object({ matched: z.number(), errors: z.number(), drops: z.number(), midUploadDrops: z.number(), delayed: z.number() }) })

async function setFaults(profile: unknown): Promise<Response> {
  return sandbox.admin.fetch(`/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(profile) })
}

async function counters() {
  return countersSchema.parse(await (await sandbox.admin.fetch(`/faults`)).json()).counters
}

function platformCall(path = '/user/getsts') {
  const user = sandbox.users[0] ?? { uid: '', token: '' }
  return sendRaw(sandbox.api, {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ uid: user.uid, token: user.token }).toString(),
  })
}

async function inBatches<T>(total: number, batch: number, run: () => Promise<T>): Promise<T[]> {
  const results: T[] = []
  for (let done = 0; done < total; done += batch) results.push(...(await Promise.all(Array.from({ length: Math.min(batch, total - done) }, run))))
  return results
}

describe('fault profile', () => {
  it('turns the configured fraction of API calls into HTTP 500s', async () => {
    expect((await setFaults({ seed: 11, rules: [{ target: 'api', pathPattern: '/user/*', errorRate: 0.3 }] })).status).toBe(200)
    const outcomes = await inBatches(200, 20, () => platformCall('/user/authinfoNew'))
    const failures = outcomes.filter((outcome) => outcome.kind === 'response' && outcome.response.status === 500)
    const successes = outcomes.filter((outcome) => outcome.kind === 'response' && outcome.response.status === 200)
    expect(failures.length + successes.length).toBe(200)
    expect(failures.length).toBeGreaterThanOrEqual(40)
    expect(failures.length).toBeLessThanOrEqual(80)
    expect(await counters()).toMatchObject({ matched: 200, errors: failures.length })
    const body = failures[0]?.kind === 'response' ? failures[0].response.body : ''
    expect(envelopeSchema.parse(JSON.parse(body)).status).toBe(-1500)
  })

  it('drops the configured fraction of OSS connections before answering', async () => {
    await setFaults({ seed: 5, rules: [{ target: 'oss', pathPattern: `/${sandbox.bucket}/kyc/*`, dropRate: 0.25 }] })
    const outcomes = await inBatches(200, 20, () => sendRaw(sandbox.oss, { method: 'GET', path: '/kyc/1/x.jpg' }))
    const dropped = outcomes.filter((outcome) => outcome.kind === 'dropped').length
    expect(dropped).toBeGreaterThanOrEqual(30)
    expect(dropped).toBeLessThanOrEqual(70)
    // The rest got OSS's answer to an unsigned request.
    expect(outcomes.filter((outcome) => outcome.kind === 'response' && outcome.response.status === 403).length).toBe(200 - dropped)
    expect((await counters()).drops).toBe(dropped)
  })

  it('drops uploads part-way through the body', async () => {
    await setFaults({ seed: 3, rules: [{ target: 'oss', method: 'PUT', dropMidUploadRate: 0.5 }] })
    const outcomes = await inBatches(100, 20, () => sendRaw(sandbox.oss, { method: 'PUT', path: '/kyc/1/upload.jpg', body: Buffer.alloc(4096, 1) }))
    const dropped = outcomes.filter((outcome) => outcome.kind === 'dropped').length
    expect(dropped).toBeGreaterThanOrEqual(35)
    expect(dropped).toBeLessThanOrEqual(65)
    expect((await counters()).midUploadDrops).toBe(dropped)
    // A request without a body cannot be dropped mid-upload; the API's bodies can.
    await setFaults({ seed: 3, rules: [{ target: 'both', dropMidUploadRate: 1 }] })
    expect((await sendRaw(sandbox.oss, { method: 'GET', path: '/kyc/1/upload.jpg' })).kind).toBe('response')
    expect((await platformCall()).kind).toBe('dropped')
  })

  it('cuts the connection after the first chunk, while the client is still sending', async () => {
    await setFaults({ rules: [{ target: 'oss', dropMidUploadRate: 1 }] })
    const url = new URL(sandbox.oss)
    const secondChunkAccepted = await new Promise<boolean>((resolve) => {
      const outgoing = request({ host: url.hostname, port: url.port, method: 'PUT', path: '/kyc/1/slow.jpg', headers: { 'content-length': '8192' }, agent: false })
      outgoing.on('error', () => resolve(false))
      outgoing.on('response', () => resolve(true))
      outgoing.write(Buffer.alloc(4096, 1))
      // The second half goes out only after the server has had time to see the first.
      setTimeout(() => outgoing.end(Buffer.alloc(4096, 2)), 200)
    })
    expect(secondChunkAccepted).toBe(false)

    // ali-oss sees a network error, not an OSS answer, and nothing is stored.
    const sts = await getSts(sandbox.api, sandbox.users[0] ?? { uid: '', token: '' })
    const key = `kyc/${sandbox.users[0]?.uid ?? ''}/dropped.jpg`
    const error = await ossClient(sandbox, sts).put(key, Buffer.alloc(64 * 1024, 7)).then(() => null, (caught: { status?: number }) => caught)
    expect(error?.status).toBe(-1)
    await sandbox.admin.fetch(`/faults`, { method: 'DELETE' })
    expect(await ossErrorOf(ossClient(sandbox, sts).head(key))).toMatchObject({ code: 'NoSuchKey' })
  })

  it('adds latency only where the pattern matches', async () => {
    await setFaults({ rules: [{ target: 'api', pathPattern: '/user/getsts', latencyMs: 150 }] })
    const timed = async (action: () => Promise<unknown>) => {
      const started = performance.now()
      await action()
      return performance.now() - started
    }
    for (let i = 0; i < 3; i++) expect(await timed(() => platformCall())).toBeGreaterThanOrEqual(145)
    // The unmatched path is not delayed: the counter says so (a wall-clock bound would flake under load).
    await fetch(`${sandbox.api}/user/authinfoNew`, { method: 'POST' })
    expect((await counters()).delayed).toBe(3)
  })

  it('never touches the admin API, validates profiles and clears', async () => {
    await setFaults({ rules: [{ pathPattern: '*', dropRate: 1 }] })
    expect((await sandbox.admin.fetch(`/faults`)).status).toBe(200)
    expect((await platformCall()).kind).toBe('dropped')
    expect((await sandbox.admin.fetch(`/faults`, { method: 'DELETE' })).status).toBe(200)
    expect((await platformCall()).kind).toBe('response')

    for (const invalid of [{ rules: [] }, { rules: [{ errorRate: 0.6, dropRate: 0.6 }] }, { rules: [{ errorRate: 2 }] }, { rules: [{ sometimes: true }] }]) {
      expect((await setFaults(invalid)).status, JSON.stringify(invalid)).toBe(400)
    }
  })
})
