import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { ossClient, ossErrorOf } from '../testing/oss-client'
import type { TestStsAttachment } from '../testing/platform-call'
import { getSts } from '../testing/platform-call'
import { sendRawExpectingResponse } from '../testing/raw-http'

// The OSS endpoint driven by the real ali-oss 6.23 client with credentials from /user/getsts.

const STS_TTL_SECONDS = 60

let sandbox: RunningSandbox
let clockOffsetMs = 0
let sts: TestStsAttachment
let uid: string

beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 2, stsTtlSeconds: STS_TTL_SECONDS, clock: () => Date.now() + clockOffsetMs })
  const user = sandbox.users[0]
  if (!user) throw new Error('no seed user')
  uid = user.uid
  sts = await getSts(sandbox.api, user)
})
afterAll(() => sandbox.close())

const keyFor = (name: string) => `kyc/${uid}/applicant-1/${name}`
const md5Base64 = (data: Buffer) => createHash('md5').update(data).digest('base64')

describe('OSS endpoint with ali-oss 6.23', () => {
  it('stores a put within the prefix and reads it back byte for byte', async () => {
    const client = ossClient(sandbox, sts)
    const body = randomBytes(300 * 1024)
    const put = await client.put(keyFor('front-1.jpg'), body)
    expect(put.res.status).toBe(200)
    const got = await client.get(keyFor('front-1.jpg'))
    expect(Buffer.compare(got.content as Buffer, body)).toBe(0)
    const head = await client.head(keyFor('front-1.jpg'))
    expect(head.status).toBe(200)
    expect((head.res.headers as Record<string, string>)['etag']).toBe(`"${createHash('md5').update(body).digest('hex').toUpperCase()}"`)
  })

  it('accepts path-style and CNAME addressing, and V4 signatures', async () => {
    const viaHostName = { ...sandbox, oss: sandbox.oss.replace('127.0.0.1', 'localhost') }
    const clients = {
      pathStyle: ossClient(viaHostName, sts, { sldEnable: true }),
      cname: ossClient(viaHostName, sts, { cname: true }),
      v4: ossClient(sandbox, sts, { authorizationV4: true }),
      v4PathStyle: ossClient(viaHostName, sts, { authorizationV4: true, sldEnable: true }),
    }
    for (const [name, client] of Object.entries(clients)) {
      const body = Buffer.from(`written by the ${name} client`)
      await client.put(keyFor(`${name}.txt`), body)
      const got = await ossClient(sandbox, sts).get(keyFor(`${name}.txt`))
      expect((got.content as Buffer).toString(), name).toBe(body.toString())
    }
  })

  it('keeps keys with spaces, plus signs, parentheses and Chinese intact under both signatures', async () => {
    const key = keyFor('张三 a+b (1)*!.jpg')
    for (const authorizationV4 of [false, true]) {
      const client = ossClient(sandbox, sts, { authorizationV4 })
      await client.put(key, Buffer.from(`v4=${authorizationV4}`))
      expect((await client.get(key)).content.toString()).toBe(`v4=${authorizationV4}`)
    }
    const listing = await (await sandbox.admin.fetch(`/objects?prefix=${encodeURIComponent(key)}`)).json()
    expect(listing).toMatchObject({ objects: [{ key }] })
  })

  it('refuses a tampered signature', async () => {
    const client = ossClient(sandbox, sts)
    const signing = client as unknown as { authorization: (...args: unknown[]) => string }
    const original = signing.authorization.bind(client)
    signing.authorization = (...args: unknown[]) => original(...args).replace(/.(=*)$/, (last, padding: string) => `${last.startsWith('A') ? 'B' : 'A'}${padding}`)
    expect(await ossErrorOf(client.put(keyFor('tampered.jpg'), Buffer.from('x')))).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 })
  })

  it('refuses a wrong secret, also with V4', async () => {
    const wrong = { ...sts, AccessKeySecret: `${sts.AccessKeySecret}x` }
    expect(await ossErrorOf(ossClient(sandbox, wrong).put(keyFor('a.jpg'), Buffer.from('x')))).toMatchObject({ code: 'SignatureDoesNotMatch', status: 403 })
    expect(await ossErrorOf(ossClient(sandbox, wrong, { authorizationV4: true }).get(keyFor('front-1.jpg')))).toMatchObject({
      code: 'SignatureDoesNotMatch',
      status: 403,
    })
  })

  it('refuses an expired token', async () => {
    const shortLived = await getSts(sandbox.api, { uid, token: sandbox.users[0]?.token ?? '' })
    clockOffsetMs = (STS_TTL_SECONDS + 1) * 1000
    try {
      expect(await ossErrorOf(ossClient(sandbox, shortLived).put(keyFor('late.jpg'), Buffer.from('x')))).toMatchObject({ code: 'SecurityTokenExpired', status: 403 })
    } finally {
      clockOffsetMs = 0
    }
    expect((await ossClient(sandbox, shortLived).put(keyFor('in-time.jpg'), Buffer.from('x'))).res.status).toBe(200)
  })

  it('refuses a key outside the prefix', async () => {
    const client = ossClient(sandbox, sts)
    const otherUid = sandbox.users[1]?.uid ?? '1'
    for (const key of [`kyc/${otherUid}/a.jpg`, 'other/a.jpg', `kyc/${uid}x/a.jpg`]) {
      expect(await ossErrorOf(client.put(key, Buffer.from('x'))), key).toMatchObject({ code: 'AccessDenied', status: 403 })
    }
    expect(await ossErrorOf(client.get(`kyc/${otherUid}/a.jpg`))).toMatchObject({ code: 'AccessDenied', status: 403 })
  })

  it('refuses a skewed clock beyond 15 minutes', async () => {
    const late = ossClient(sandbox, sts, { amendTimeSkewed: -16 * 60 * 1000 })
    const early = ossClient(sandbox, sts, { amendTimeSkewed: 16 * 60 * 1000 })
    expect(await ossErrorOf(late.put(keyFor('skew.jpg'), Buffer.from('x')))).toMatchObject({ code: 'RequestTimeTooSkewed', status: 403 })
    expect(await ossErrorOf(early.put(keyFor('skew.jpg'), Buffer.from('x')))).toMatchObject({ code: 'RequestTimeTooSkewed', status: 403 })
    const slightlyOff = ossClient(sandbox, sts, { amendTimeSkewed: 14 * 60 * 1000 })
    expect((await slightlyOff.put(keyFor('skew.jpg'), Buffer.from('x'))).res.status).toBe(200)
  })

  it('refuses a wrong Content-MD5 and stores nothing', async () => {
    const client = ossClient(sandbox, sts)
    const mismatch = client.put(keyFor('md5.jpg'), Buffer.from('the body'), { headers: { 'Content-MD5': md5Base64(Buffer.from('another body')) } })
    expect(await ossErrorOf(mismatch)).toMatchObject({ code: 'BadDigest', status: 400 })
    const malformed = client.put(keyFor('md5.jpg'), Buffer.from('the body'), { headers: { 'Content-MD5': 'not-an-md5' } })
    expect(await ossErrorOf(malformed)).toMatchObject({ code: 'InvalidDigest', status: 400 })
    expect(await ossErrorOf(client.get(keyFor('md5.jpg')))).toMatchObject({ code: 'NoSuchKey', status: 404 })
  })

  it('refuses an unknown access key and a wrong security token', async () => {
    expect(await ossErrorOf(ossClient(sandbox, { ...sts, AccessKeyId: 'STS.NoSuchKeyAtAll' }).get(keyFor('front-1.jpg')))).toMatchObject({
      code: 'InvalidAccessKeyId',
      status: 403,
    })
    expect(await ossErrorOf(ossClient(sandbox, { ...sts, SecurityToken: `${sts.SecurityToken}x` }).get(keyFor('front-1.jpg')))).toMatchObject({
      code: 'InvalidSecurityToken',
      status: 403,
    })
  })

  it('answers NoSuchKey, and DeleteObject needs more than the upload policy', async () => {
    const client = ossClient(sandbox, sts)
    expect(await ossErrorOf(client.get(keyFor('never.jpg')))).toMatchObject({ code: 'NoSuchKey', status: 404 })
    expect(await ossErrorOf(client.head(keyFor('never.jpg')))).toMatchObject({ code: 'NoSuchKey', status: 404 })
    expect(await ossErrorOf(client.delete(keyFor('front-1.jpg')))).toMatchObject({ code: 'AccessDenied', status: 403 })

    const info = z
      .object({ accountAccessKey: z.object({ accessKeyId: z.string(), accessKeySecret: z.string() }) })
      .parse(await (await sandbox.admin.fetch(`/info`)).json())
    const account = new (await import('ali-oss')).default({
      endpoint: sandbox.oss,
      bucket: sandbox.bucket,
      accessKeyId: info.accountAccessKey.accessKeyId,
      accessKeySecret: info.accountAccessKey.accessKeySecret,
    })
    await account.put(keyFor('to-delete.jpg'), Buffer.from('x'))
    expect((await account.delete(keyFor('to-delete.jpg'))).res.status).toBe(204)
    expect(await ossErrorOf(account.get(keyFor('to-delete.jpg')))).toMatchObject({ code: 'NoSuchKey' })
  })

  it("answers in OSS's XML error format with a request id", async () => {
    const response = await fetch(`${sandbox.oss}/${sandbox.bucket}/${keyFor('front-1.jpg')}`)
    const body = await response.text()
    const requestId = response.headers.get('x-oss-request-id') ?? ''
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toBe('application/xml')
    expect(requestId).toMatch(/^[0-9A-F]{24}$/)
    expect(body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error>\n {2}<Code>AccessDenied<\/Code>\n {2}<Message>[^<]+<\/Message>\n {2}<RequestId>[0-9A-F]{24}<\/RequestId>\n {2}<HostId>[^<]+<\/HostId>\n<\/Error>\n$/)
    expect(body).toContain(`<RequestId>${requestId}</RequestId>`)
  })

  it('refuses path traversal in object keys, plain or encoded', async () => {
    for (const path of [`/kyc/${uid}/../other/x.jpg`, `/kyc/${uid}/%2e%2e/other/x.jpg`, `/kyc/${uid}/a%5C..%5Cb.jpg`, '/../../etc/passwd']) {
      const response = await sendRawExpectingResponse(sandbox.oss, { method: 'PUT', path: `/${sandbox.bucket}${path}`, body: 'x' })
      expect(response.status, path).toBe(400)
      expect(response.body).toContain('<Code>InvalidObjectName</Code>')
    }
  })
})
