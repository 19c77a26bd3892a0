import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { IdCardReadResult } from '../../../../shared/domain/id-card'
import { startReaderEmulator, type RunningReaderEmulator } from '../../../../sandbox/id-reader/reader-emulator'
import { createIdCardReader } from './create-reader'
import type { IdCardReader, Pause } from './reader-port'
import { cvrWebProtocol, zkOnlineProtocol } from './web-protocols'

const token = 'reader-test-token'
let emulator: RunningReaderEmulator

function admin(path: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${emulator.adminUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}
const place = (cardId: string) => admin('/card', 'PUT', { cardId })
const remove = () => admin('/card', 'DELETE')
const fault = (name: string | null, delayMs = 0) => admin('/fault', 'PUT', { fault: name, delayMs })

beforeAll(async () => {
  emulator = await startReaderEmulator({ guard: { token, boundHost: '127.0.0.1' } })
})
afterAll(() => emulator.close())
beforeEach(async () => {
  await remove()
  await fault(null)
})

/** Steps the polling without waiting: each pause runs the next scripted action. */
function scriptedPause(actions: Array<() => Promise<unknown>>): Pause & { polls: number } {
  const pause = Object.assign(
    async (_ms: number, signal: AbortSignal) => {
      pause.polls += 1
      const next = actions.shift()
      if (next) await next()
      else if (!signal.aborted) throw new Error('the reader polled more than the test scripted')
    },
    { polls: 0 },
  )
  return pause
}

const protocols = ['cvr-web', 'zk-online'] as const
function readerFor(protocol: (typeof protocols)[number], pause: Pause, timeoutMs = 3_000): IdCardReader {
  const baseUrl = protocol === 'cvr-web' ? emulator.cvrWebUrl : emulator.zkOnlineUrl
  return createIdCardReader({ adapter: protocol, baseUrl, timeoutMs }, pause)!
}
const read = (reader: IdCardReader) => reader.read(new AbortController().signal)

function cardOf(result: IdCardReadResult) {
  if (result.outcome !== 'read' && result.outcome !== 'photo-failed') throw new Error(`no card: ${result.outcome}`)
  return result.card
}

describe.each(protocols)('%s against the reader emulator', (protocol) => {
  it('waits for a card by polling, then reads its fields and photo', async () => {
    const pause = scriptedPause([() => place('compound-ouyang')])
    const result = await read(readerFor(protocol, pause))
    expect(pause.polls).toBe(1)
    expect(result.outcome).toBe('read')
    expect(cardOf(result)).toMatchObject({
      kind: 'resident', nameZh: '欧阳娜娜', sexCode: '2', ethnicityCode: '01', ethnicityName: '汉', birth: '19950308',
      number: '110101199503080021', address: '北京市东城区样本街道1号', authority: '北京市公安局东城分局', validFrom: '20210310', validTo: '20410310',
    })
    if (result.outcome === 'read') expect(result.photo).toMatchObject({ mime: 'image/jpeg' })
  })

  it('reads a long-term card, a J card and both foreigner cards', async () => {
    const reader = readerFor(protocol, scriptedPause([]))
    await place('long-term')
    expect(cardOf(await read(reader))).toMatchObject({ validTo: 'long-term' })
    await place('permit-taiwan')
    expect(cardOf(await read(reader))).toMatchObject({ kind: 'hmt-permit', passNumber: '12345678', ethnicityCode: null })
    await place('foreign-2017')
    expect(cardOf(await read(reader))).toMatchObject({ kind: 'foreign-2017', nameZh: '史密斯', nameEn: 'SMITH, JOHN WILLIAM', nationality: 'USA' })
    await place('foreign-2023')
    expect(cardOf(await read(reader))).toMatchObject({ kind: 'foreign-2023', number: '911724199207040022', nationality: 'ESP' })
  })

  it.each([
    ['unreachable', 'unreachable'],
    ['busy', 'busy'],
    ['read-failed', 'read-failed'],
  ] as const)('answers the %s fault with %s', async (injected, outcome) => {
    await place('expired')
    await fault(injected)
    expect(await read(readerFor(protocol, scriptedPause([])))).toEqual({ outcome })
  })

  it('keeps waiting while the reader reports no card, until cancelled', async () => {
    await place('expired')
    await fault('no-card')
    const controller = new AbortController()
    const pause = scriptedPause([async () => undefined, async () => controller.abort()])
    expect(await readerFor(protocol, pause).read(controller.signal)).toEqual({ outcome: 'cancelled' })
    expect(pause.polls).toBe(2)
  })

  it('names a failure right after a read of a card never lifted as not-lifted', async () => {
    await place('compound-sima')
    const reader = readerFor(protocol, scriptedPause([]))
    expect((await read(reader)).outcome).toBe('read')
    await fault('not-lifted')
    expect(await read(reader)).toEqual({ outcome: 'not-lifted' })
  })

  it('keeps the fields when only the photo fails', async () => {
    await place('middle-dot')
    await fault('photo-failed')
    const result = await read(readerFor(protocol, scriptedPause([])))
    expect(result.outcome).toBe('photo-failed')
    expect(cardOf(result).nameZh).toBe('阿依古丽·买买提')
  })

  it('gives up on a service slower than the timeout as unreachable', async () => {
    await place('compound-sima')
    await fault(null, 5_000)
    expect(await read(readerFor(protocol, scriptedPause([]), 500))).toEqual({ outcome: 'unreachable' })
  })

  it('arms the next read only after the card is lifted', async () => {
    await place('compound-sima')
    const reader = readerFor(protocol, scriptedPause([async () => undefined, () => remove()]))
    expect((await read(reader)).outcome).toBe('read')
    expect(await reader.awaitRemoval(new AbortController().signal)).toBe('removed')
  })

  it('reports its state for the status chip', async () => {
    const reader = readerFor(protocol, scriptedPause([]))
    expect(await reader.status()).toBe('idle')
    await place('compound-sima')
    expect(await reader.status()).toBe('card-present')
    await fault('unreachable')
    expect(await reader.status()).toBe('unreachable')
  })
})

describe('malformed replies', () => {
  it('ZKTeco: reads the card from its broken JSON (bare backslashes, no comma before CardType)', async () => {
    await place('permit-macau')
    await fault('malformed-json')
    const result = await read(readerFor('zk-online', scriptedPause([])))
    expect(cardOf(result)).toMatchObject({ kind: 'hmt-permit', nameZh: '何嘉欣', number: '820000199002020026' })
  })

  it('华视: a truncated body is a failed read the operator can retry', async () => {
    await place('permit-macau')
    await fault('malformed-json')
    expect(await read(readerFor('cvr-web', scriptedPause([])))).toEqual({ outcome: 'read-failed' })
  })
})

describe('loopback only', () => {
  it('refuses a service address off this machine without connecting', async () => {
    const reader = createIdCardReader({ adapter: 'cvr-web', baseUrl: 'http://192.0.2.10:19196', timeoutMs: 500 }, scriptedPause([]))!
    expect(await read(reader)).toEqual({ outcome: 'unreachable' })
  })

  describe('requests', () => {
    let server: Server
    const seen: string[] = []
    beforeAll(async () => {
      server = createServer((request, response) => {
        seen.push(request.url ?? '')
        response.end(request.url?.startsWith('/OpenDevice') ? '{"resultFlag":0}' : '{"resultFlag":-1,"errorMsg":"未放卡","ret":10}')
      })
      await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('carry an anti-cache parameter, new on every call, and ZKTeco its OP-DEV and CMD-URL', async () => {
      const port = (server.address() as AddressInfo).port
      let n = 0
      const random = () => (n += 0.001)
      const signal = new AbortController().signal
      const cvr = cvrWebProtocol({ baseUrl: `http://localhost:${port}`, timeoutMs: 2_000, random })
      await cvr.readOnce(signal)
      await cvr.readOnce(signal)
      const zk = zkOnlineProtocol({ baseUrl: `http://localhost:${port}/ZKIDROnline`, timeoutMs: 2_000, random })
      await zk.readOnce(signal)
      expect(seen).toEqual([
        '/OpenDevice?t=1000000', '/readcard?t=2000000', '/readcard?t=3000000',
        '/ZKIDROnline/ScanReadIdCardInfo?OP-DEV=1&CMD-URL=4&random=4000000',
      ])
    })
  })
})
