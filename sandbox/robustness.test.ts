import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningSandbox } from './index'
import { startSandbox } from './index'
import { ossClient, ossErrorOf } from './testing/oss-client'
import { callPlatform, envelopeSchema, getSts, postRaw } from './testing/platform-call'
import { sendRawBytes, sendRawExpectingResponse } from './testing/raw-http'

// Bad input to the sandbox itself gets a clean answer and never brings it down.

const MAX_OBJECT_BYTES = 64 * 1024
let sandbox: RunningSandbox
beforeAll(async () => {
  sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 1, maxObjectBytes: MAX_OBJECT_BYTES })
})
afterAll(() => sandbox.close())

const user = () => sandbox.users[0] ?? { uid: '', token: '' }

async function stillServing(): Promise<void> {
  expect((await callPlatform(sandbox.api, '/user/getsts', { ...user() })).envelope.status).toBe(200)
  const sts = await getSts(sandbox.api, user())
  expect((await ossClient(sandbox, sts).put(`kyc/${user().uid}/alive.jpg`, Buffer.from('still here'))).res.status).toBe(200)
}

describe('platform API robustness', () => {
  const cases: [string, string | null, string | Buffer, number, number][] = [
    ['malformed JSON', 'application/json', '{"uid": ', 400, -1007],
    ['a JSON array', 'application/json', '[1,2,3]', 400, -1007],
    ['empty JSON', 'application/json', '', 400, -1007],
    ['plain text', 'text/plain', 'uid=1&token=2', 415, -1008],
    ['multipart', 'multipart/form-data; boundary=x', '--x--', 415, -1008],
    ['no content type', null, 'uid=1', 415, -1008],
    ['an absurd body', 'application/x-www-form-urlencoded', `uid=${'9'.repeat(200_000)}`, 413, -1009],
  ]

  it.each(cases)('answers %s with an envelope and an HTTP error', async (_name, contentType, body, httpStatus, status) => {
    const reply = await postRaw(`${sandbox.api}/user/getsts`, contentType, body)
    expect(reply.httpStatus).toBe(httpStatus)
    expect(envelopeSchema.parse(JSON.parse(reply.text))).toMatchObject({ status, attachment: null })
  })

  it('refuses fields of the wrong shape with an ordinary refusal', async () => {
    const deeplyNested = `{"uid":${'['.repeat(20_000)}${']'.repeat(20_000)},"token":"x"}`
    for (const body of [deeplyNested, '{"uid": {"$gt": 1}, "token": "x"}', '{"uid": 1.5e300, "token": "x"}', '{"uid": [1], "token": "x"}', '{"uid": true, "token": "x"}']) {
      const reply = await postRaw(`${sandbox.api}/user/getsts`, 'application/json', body)
      expect(reply.httpStatus, body.slice(0, 40)).toBe(200)
      expect(envelopeSchema.parse(JSON.parse(reply.text)).status, body.slice(0, 40)).toBe(-1000)
    }
    const nonUtf8 = Buffer.concat([Buffer.from(`uid=${user().uid}&token=`), Buffer.from([0xff, 0xfe, 0xc3])])
    expect(envelopeSchema.parse(JSON.parse((await postRaw(`${sandbox.api}/user/getsts`, 'application/x-www-form-urlencoded', nonUtf8)).text)).status).toBe(-1001)
  })

  it('answers unknown paths and methods with -1404', async () => {
    const cases = [['POST', '/user/nothing', 404], ['GET', '/user/getsts', 404], ['DELETE', '/', 404], ['POST', '/%E0%A4%A', 400]] as const
    for (const [method, path, httpStatus] of cases) {
      const response = await sendRawExpectingResponse(sandbox.api, { method, path })
      expect(response.status, `${method} ${path}`).toBe(httpStatus)
      expect(envelopeSchema.parse(JSON.parse(response.body)).status).toBe(-1404)
    }
    await stillServing()
  })
})

describe('OSS endpoint robustness', () => {
  it('refuses objects over the size limit, declared or streamed', async () => {
    const sts = await getSts(sandbox.api, user())
    const client = ossClient(sandbox, sts)
    expect(await ossErrorOf(client.put(`kyc/${user().uid}/big.jpg`, Buffer.alloc(MAX_OBJECT_BYTES + 1)))).toMatchObject({ code: 'EntityTooLarge', status: 400 })
    const { Readable } = await import('node:stream')
    const stream = Readable.from([Buffer.alloc(MAX_OBJECT_BYTES), Buffer.alloc(1024)])
    expect(await ossErrorOf(client.putStream(`kyc/${user().uid}/big.jpg`, stream))).toMatchObject({ code: 'EntityTooLarge', status: 400 })
    expect(await ossErrorOf(client.get(`kyc/${user().uid}/big.jpg`))).toMatchObject({ code: 'NoSuchKey' })
    expect((await client.put(`kyc/${user().uid}/exact.jpg`, Buffer.alloc(MAX_OBJECT_BYTES))).res.status).toBe(200)
  })

  it('answers malformed requests in OSS terms', async () => {
    const cases: [string, string, Record<string, string>, number, string][] = [
      ['GET', '/kyc/%E0%A4%A', {}, 400, 'InvalidURI'],
      ['GET', '/kyc/1/x.jpg?acl=%ZZ', {}, 400, 'InvalidURI'],
      ['GET', '/kyc/1/x.jpg', { authorization: 'Bearer nonsense' }, 400, 'InvalidArgument'],
      ['GET', '/kyc/1/x.jpg', { authorization: 'OSS4-HMAC-SHA256 Credential=a/b,Signature=c' }, 400, 'InvalidArgument'],
      ['GET', '/kyc/1/x.jpg', { authorization: 'OSS STS.x:abc', date: 'yesterday' }, 403, 'AccessDenied'],
      ['PATCH', '/kyc/1/x.jpg', {}, 405, 'MethodNotAllowed'],
      ['GET', `/${'k'.repeat(1100)}`, {}, 400, 'InvalidObjectName'],
    ]
    for (const [method, path, headers, status, code] of cases) {
      const response = await sendRawExpectingResponse(sandbox.oss, { method, path, headers })
      expect(response.status, `${method} ${path}`).toBe(status)
      expect(response.body, `${method} ${path}`).toContain(`<Code>${code}</Code>`)
      expect(response.headers['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/)
    }
  })

  it('refuses a PUT without a length, and survives garbage on the wire', async () => {
    const noLength = await sendRawBytes(sandbox.oss, `PUT /kyc/1/x.jpg HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`)
    expect(noLength).toMatch(/^HTTP\/1\.1 411/)
    expect(noLength).toContain('<Code>MissingContentLength</Code>')
    expect(await sendRawBytes(sandbox.oss, '\u0000\u0001 not http at all\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    expect(await sendRawBytes(sandbox.api, 'POST /user/getsts HTTP/1.1\r\nContent-Length: nope\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/)
    await stillServing()
  })
})
