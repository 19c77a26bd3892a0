import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { DeadlineTimers } from './call-deadline'
import { PlatformClient } from './platform-client'

const account = { uid: '1000001', token: 'customer-token' }
let server: Server | null = null

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

/** A platform that answers every call with `answer`; resolves with its base URL. */
async function platformAnswering(answer: (res: ServerResponse, seen: () => void) => void, onRequest: () => void = () => undefined): Promise<string> {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => answer(res, onRequest))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

/** Timers that never fire by themselves: the test fires the deadline when it chooses. */
function handTimers() {
  const pending: (() => void)[] = []
  const timers: DeadlineTimers = { setTimeout: (fn) => pending.push(fn), clearTimeout: () => undefined }
  return { timers, fireAll: () => pending.splice(0).forEach((fn) => fn()) }
}

function client(baseUrl: string, extra: Partial<ConstructorParameters<typeof PlatformClient>[0]> = {}) {
  return new PlatformClient({ baseUrl, encoding: 'form', timeoutMs: 60_000, language: () => 'en_US', retryableStatuses: [], ...extra })
}

describe('network limits on platform calls (issue 17, finding 8)', () => {
  it('cuts off an answer past the response size cap instead of reading it all', async () => {
    const base = await platformAnswering((res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(`{"status":200,"message":"${'x'.repeat(2 * 1024 * 1024)}","attachment":null}`)
    })
    const outcome = await client(base).submitIdentity(account, {
      country: 'CHN', surname: '王', givenName: '小明', documentType: 'id_card', documentNumber: '11010519491231002X',
      birthday: '1949-12-31', gender: 'female', chineseMainland: true, issueDate: '2015-06-01', validity: { kind: 'long-term' },
    })
    expect(outcome).toMatchObject({ kind: 'transient', code: 'RESPONSE_TOO_LARGE', network: false })
  })

  it('still reads an ordinary envelope under the cap', async () => {
    const base = await platformAnswering((res) => res.end('{"status":200,"message":null,"attachment":null}'))
    expect(await client(base).livenessResult(account, 1)).toEqual({ kind: 'ok', value: null })
  })

  it('gives up on an answer that trickles past the total deadline, though bytes keep arriving', async () => {
    const { timers, fireAll } = handTimers()
    let answered: () => void = () => undefined
    const answering = new Promise<void>((resolve) => (answered = resolve))
    const base = await platformAnswering((res) => {
      // Headers and a first byte: the socket is never idle, so axios's own timeout never fires.
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{')
      answered()
    })
    const call = client(base, { timers }).livenessResult(account, 1)
    await answering
    fireAll()
    expect(await call).toMatchObject({ kind: 'transient', code: 'DEADLINE', network: true })
  })
})
