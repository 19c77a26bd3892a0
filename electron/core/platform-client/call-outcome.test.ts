import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, expect, it } from 'vitest'
import { PlatformClient } from './platform-client'

let server: Server | null = null
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

async function platformSaying(status: number): Promise<string> {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => res.end(JSON.stringify({ status, message: 'not yet', attachment: null })))
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`
}

it('records the face check not done yet as waiting for diagnostics, not as a refusal', async () => {
  const calls: { path: string; outcome: string; code: string }[] = []
  const baseUrl = await platformSaying(-1002)
  const client = new PlatformClient({ baseUrl, encoding: 'form', timeoutMs: 60_000, language: () => 'zh_CN', retryableStatuses: [], onCall: (c) => calls.push(c) })
  expect(await client.livenessResult({ uid: '1000001', token: 't' }, 1)).toMatchObject({ kind: 'refused', status: -1002 })
  expect(calls).toMatchObject([{ outcome: 'waiting', code: '-1002' }])
})
