import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { DeadlineTimers } from '../platform-client/call-deadline'
import { putObject, type OssTarget } from './oss-uploader'

const credentials = { accessKeyId: 'STS.test', accessKeySecret: 'secret', securityToken: 'sts-token', expiresAt: Date.now() + 600_000, bucket: 'kyc-test' }
const body = { bytes: Buffer.from('jpeg bytes'), contentMd5: '' }
let server: Server | null = null

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

async function ossAnswering(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => answer(req, res))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

function target(endpoint: string, timers?: DeadlineTimers): OssTarget {
  return { region: 'oss-cn-hangzhou', endpoint, addressing: 'path-style', timeoutMs: 60_000, ...(timers ? { limits: { timers } } : {}) }
}

describe('network limits on OSS calls (issue 17, finding 8)', () => {
  it('stores an object when OSS answers normally, and still reads its XML refusals', async () => {
    let refuse = false
    const endpoint = await ossAnswering((_req, res) => {
      if (!refuse) return res.writeHead(200, { etag: '"x"' }).end()
      res.writeHead(403, { 'content-type': 'application/xml' })
      res.end('<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>no</Message></Error>')
    })
    expect(await putObject(target(endpoint), credentials, 'kyc/1/a/front.jpg', body)).toEqual({ kind: 'ok' })
    refuse = true
    expect(await putObject(target(endpoint), credentials, 'kyc/1/a/front.jpg', body)).toMatchObject({ kind: 'refused', code: 'AccessDenied' })
  })

  it('cuts off an answer past the response size cap', async () => {
    const endpoint = await ossAnswering((_req, res) => res.writeHead(200).end(Buffer.alloc(3 * 1024 * 1024, 'x')))
    expect(await putObject(target(endpoint), credentials, 'kyc/1/a/front.jpg', body)).toMatchObject({ kind: 'transient', code: 'ResponseTooLargeError', network: false })
  })

  it('gives up on an answer that trickles past the total deadline', async () => {
    const pending: (() => void)[] = []
    const timers: DeadlineTimers = { setTimeout: (fn) => pending.push(fn), clearTimeout: () => undefined }
    let answered: () => void = () => undefined
    const answering = new Promise<void>((resolve) => (answered = resolve))
    const endpoint = await ossAnswering((_req, res) => {
      res.writeHead(200, { 'content-length': '1000' })
      res.write('<')
      answered()
    })
    const put = putObject(target(endpoint, timers), credentials, 'kyc/1/a/front.jpg', body)
    await answering
    pending.splice(0).forEach((fn) => fn())
    expect(await put).toMatchObject({ kind: 'transient', code: 'DeadlineExceededError', network: true })
  })
})
