import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { applicantCalls } from '../testing/applicant-steps'
import { callPlatform, createUser } from '../testing/platform-call'
import { fakeJpeg } from '../testing/sample-applicant'

let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 2 })
})
afterAll(() => sandbox.close())

const postJson = (path: string, body: string) =>
  sandbox.admin.fetch(`${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

describe('admin API', () => {
  it('describes the running sandbox', async () => {
    const info = await (await sandbox.admin.fetch(`/info`)).json()
    expect(info).toMatchObject({ api: sandbox.api, oss: sandbox.oss, bucket: sandbox.bucket, region: 'oss-cn-hangzhou', admin: sandbox.admin.url })
  })

  it('creates users, with a chosen uid (even an unquoted big number) or a random one', async () => {
    const chosen = await postJson('/users', '{"uid": 9223372036854775807, "token": "chosen-token"}')
    expect(chosen.status).toBe(201)
    expect(await chosen.json()).toEqual({ uid: '9223372036854775807', token: 'chosen-token' })
    const reply = await callPlatform(sandbox.api, '/user/authinfoNew', { uid: '9223372036854775807', token: 'chosen-token' })
    expect(reply.envelope.status).toBe(200)

    expect((await postJson('/users', '{"uid": "9223372036854775807"}')).status).toBe(409)
    const random = await createUser(sandbox.admin)
    expect(random.uid).toMatch(/^[1-9]\d{18}$/)

    for (const body of ['{"uid":"0123"}', '{"uid":"9223372036854775808"}', '{"uid":"12","extra":1}', '[]', '{"token":""}']) {
      const response = await postJson('/users', body)
      expect(response.status, body).toBe(400)
      expect(errorBody.safeParse(await response.json()).success, body).toBe(true)
    }
  })

  it("shows a user's record, steps, image keys and liveness state", async () => {
    const user = await createUser(sandbox.admin)
    const calls = applicantCalls(sandbox, user)
    const keys = await calls.submitAll()
    await calls.call('/ali/appToken', { source: 1 })

    const details = await (await sandbox.admin.fetch(`/users/${user.uid}`)).json()
    expect(details).toMatchObject({
      uid: user.uid,
      record: { idNumber: '11010519491231002X', gender: 2 },
      steps: { 2: { field: 'positiveImages', key: keys.front }, 3: { key: keys.back }, 4: { key: keys.hand } },
      imageKeys: [keys.front, keys.back, keys.hand],
      liveness: { state: 'pending', latestToken: { state: 'pending', source: 1 } },
    })
    expect((await sandbox.admin.fetch(`/users/1`)).status).toBe(404)
    expect((await sandbox.admin.fetch(`/users/abc`)).status).toBe(400)
  })

  it('lists objects with size and MD5', async () => {
    const user = await createUser(sandbox.admin)
    const keys = await applicantCalls(sandbox, user).uploadImages()
    const listing = z
      .object({ objects: z.array(z.object({ key: z.string(), size: z.number(), md5: z.string(), contentMd5: z.string() })) })
      .parse(await (await sandbox.admin.fetch(`/objects?prefix=${encodeURIComponent(`kyc/${user.uid}/`)}`)).json())
    expect(listing.objects.map((object) => object.key)).toEqual([keys.back, keys.front, keys.hand])
    const front = listing.objects.find((object) => object.key === keys.front)
    const body = fakeJpeg('front')
    expect(front).toEqual({
      ...front,
      size: body.length,
      md5: createHash('md5').update(body).digest('hex'),
      contentMd5: createHash('md5').update(body).digest('base64'),
    })
    const none = z.object({ objects: z.array(z.unknown()) }).parse(await (await sandbox.admin.fetch(`/objects?prefix=kyc%2F_`)).json())
    expect(none.objects).toEqual([])
  })

  it('takes an empty body labelled application/json as no body', async () => {
    const empty = (method: string, path: string) => sandbox.admin.fetch(`${path}`, { method, headers: { 'content-type': 'application/json' } })
    expect((await empty('DELETE', '/faults')).status).toBe(200)
    expect((await empty('POST', '/users')).status).toBe(201)
    expect((await empty('POST', '/faults')).status).toBe(400)
  })

  it('answers unknown admin routes with JSON 404', async () => {
    const response = await sandbox.admin.fetch(`/nothing-here`)
    expect(response.status).toBe(404)
    expect(errorBody.parse(await response.json()).error.code).toBe('not_found')
  })

  it('resets to the demo accounts, with nothing else', async () => {
    const seeds = sandbox.users
    const extra = await createUser(sandbox.admin)
    await applicantCalls(sandbox, extra).uploadImages()
    const reset = await sandbox.admin.fetch(`/reset`, { method: 'POST' })
    expect(reset.status).toBe(200)

    const users = z.object({ users: z.array(z.object({ uid: z.string(), token: z.string() })) }).parse(await (await sandbox.admin.fetch(`/users`)).json())
    // The same accounts, in whatever order the listing gives them.
    const byUid = (a: { uid: string }, b: { uid: string }) => a.uid.localeCompare(b.uid)
    expect([...users.users].sort(byUid)).toEqual([...seeds].sort(byUid))
    const objects = z.object({ objects: z.array(z.unknown()) }).parse(await (await sandbox.admin.fetch(`/objects`)).json())
    expect(objects.objects).toEqual([])
    const seed = seeds[0]
    if (!seed) throw new Error('no seed')
    expect((await callPlatform(sandbox.api, '/user/getsts', { ...seed })).envelope.status).toBe(200)
    expect((await callPlatform(sandbox.api, '/user/getsts', extra)).envelope.status).toBe(-1001)
  })
})
