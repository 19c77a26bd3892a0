import { existsSync, readdirSync } from 'node:fs'
import { PassThrough } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSandboxCommand } from '../cli'
import type { RunningSandbox } from '../index'
import { startSandbox } from '../index'
import { createUser } from '../testing/platform-call'
import { sendRaw } from '../testing/raw-http'

function capture() {
  const stream = new PassThrough()
  let text = ''
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  return { stream, text: () => text }
}

describe('finding 4: the sandbox admin API answers only its token, on this machine', () => {
  let sandbox: RunningSandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 1 })
  })
  afterAll(() => sandbox.close())

  const path = (p: string) => new URL(`${sandbox.admin.url}${p}`).pathname
  const host = () => new URL(sandbox.api).host

  it('refuses /info, /users and /users/:uid without the bearer token, or with another', async () => {
    const user = await createUser(sandbox.admin)
    for (const p of ['/info', '/users', `/users/${user.uid}`]) {
      const attempts: Record<string, string>[] = [{ host: host() }, { host: host(), authorization: 'Bearer not-the-token' }, { host: host(), authorization: sandbox.admin.token }]
      for (const headers of attempts) {
        const outcome = await sendRaw(sandbox.api, { method: 'GET', path: path(p), headers })
        if (outcome.kind !== 'response') throw new Error(outcome.error)
        expect(outcome.response.status).toBe(401)
        expect(outcome.response.body).not.toContain(user.token)
        expect(outcome.response.body).not.toContain('accessKeySecret')
      }
      expect((await sandbox.admin.fetch(p)).status).toBe(200)
    }
  })

  it('refuses a Host that does not name this machine, token or not (DNS rebinding)', async () => {
    const port = new URL(sandbox.api).port
    for (const name of [`evil.example:${port}`, `10.0.0.5:${port}`, `127.0.0.1.evil.example:${port}`]) {
      const outcome = await sendRaw(sandbox.api, { method: 'GET', path: path('/users'), headers: { host: name, authorization: `Bearer ${sandbox.admin.token}` } })
      if (outcome.kind !== 'response') throw new Error(outcome.error)
      expect(outcome.response.status).toBe(403)
    }
    for (const name of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const outcome = await sendRaw(sandbox.api, { method: 'GET', path: path('/users'), headers: { host: name, authorization: `Bearer ${sandbox.admin.token}` } })
      if (outcome.kind !== 'response') throw new Error(outcome.error)
      expect(outcome.response.status).toBe(200)
    }
  })

  it('makes a new token on every start, and the platform API itself needs none', async () => {
    const other = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 0 })
    try {
      expect(other.admin.token).not.toBe(sandbox.admin.token)
      expect(other.admin.token.length).toBeGreaterThanOrEqual(40)
      const crossed = await fetch(`${other.admin.url}/info`, { headers: { authorization: `Bearer ${sandbox.admin.token}` } })
      expect(crossed.status).toBe(401)
    } finally {
      await other.close()
    }
    expect((await fetch(`${sandbox.api}/verify/unknown`)).status).not.toBe(401)
  })

  it('keeps nothing on disk after close when no data folder is given (what training mode should use)', async () => {
    const training = await startSandbox({ apiPort: 0, ossPort: 0, seedUsers: 1 })
    const dir = training.dataDir
    expect(readdirSync(dir).length).toBeGreaterThan(0)
    await training.close()
    expect(existsSync(dir)).toBe(false)
  })

  it('refuses to bind beyond loopback unless remote access is allowed', async () => {
    await expect(startSandbox({ host: '0.0.0.0', apiPort: 0, ossPort: 0 })).rejects.toThrow(/allowRemote/)
  })

  it('kyc-desk sandbox --host beyond loopback needs --allow-remote, then warns and prints the adminToken', async () => {
    const refused = capture()
    expect(await runSandboxCommand(['--host', '0.0.0.0', '--api-port', '0', '--oss-port', '0'], { stdout: capture().stream, stderr: refused.stream })).toBe(2)
    expect(refused.text()).toContain('--host 0.0.0.0 is reachable from other machines: add --allow-remote')

    const stdout = capture()
    const stderr = capture()
    const stop = new AbortController()
    const exit = runSandboxCommand(['--host', '0.0.0.0', '--allow-remote', '--api-port', '0', '--oss-port', '0', '--seed-users', '0'], { stdout: stdout.stream, stderr: stderr.stream, signal: stop.signal })
    await expect.poll(() => stdout.text().includes('\n'), { timeout: 10_000 }).toBe(true)
    const ready = JSON.parse(stdout.text()) as { admin: string; adminToken: string }
    expect(stderr.text()).toContain('WARNING: bound to 0.0.0.0')
    expect((await fetch(`${ready.admin}/info`)).status).toBe(401)
    expect((await fetch(`${ready.admin}/info`, { headers: { authorization: `Bearer ${ready.adminToken}` } })).status).toBe(200)
    stop.abort()
    expect(await exit).toBe(0)
  })
})
