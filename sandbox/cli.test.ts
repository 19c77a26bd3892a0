import { spawn } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { runSandboxCommand } from './cli'
import { callPlatform } from './testing/platform-call'
import { trustingFetch } from './tls/trusting-fetch'

const readyLineSchema = z
  .object({
    api: z.string().url(),
    oss: z.string().url(),
    bucket: z.string(),
    admin: z.string().url(),
    adminToken: z.string().min(40),
    users: z.array(z.object({ uid: z.string().regex(/^[1-9]\d{0,18}$/), token: z.string().min(1) }).strict()),
  })
  .strict()

function capture() {
  const stream = new PassThrough()
  let text = ''
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8')
  })
  return { stream, text: () => text }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const dataDirs: string[] = []
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('kyc-desk sandbox command', () => {
  it.each([
    [['--bogus']],
    [['--api-port', 'eighty']],
    [['--oss-port', '70000']],
    [['--sts-ttl', '0']],
    [['--seed-users', '101']],
    [['--apptoken-shape', 'xml']],
    [['--echo-style', 'fuzzy']],
    [['--token-ttl', '0']],
    [['--host']],
    [['extra']],
  ])('refuses %j with usage and exit code 2', async (argv) => {
    const stdout = capture()
    const stderr = capture()
    expect(await runSandboxCommand(argv, { stdout: stdout.stream, stderr: stderr.stream })).toBe(2)
    expect(stdout.text()).toBe('')
    expect(stderr.text()).toContain('Usage: kyc-desk sandbox')
  })

  it('prints help on stdout', async () => {
    const stdout = capture()
    expect(await runSandboxCommand(['sandbox', '--help'], { stdout: stdout.stream, stderr: capture().stream })).toBe(0)
    expect(stdout.text()).toContain('--seed-users N')
  })

  it('prints exactly one JSON line when ready, serves, and stops on request', async () => {
    const stdout = capture()
    const stderr = capture()
    const stop = new AbortController()
    const dataDir = mkdtempSync(join(tmpdir(), 'kyc-sandbox-cli-'))
    dataDirs.push(dataDir)
    const argv = ['--api-port', '0', '--oss-port', '0', '--seed-users', '2', '--sts-ttl', '120', '--data', dataDir]
    const exit = runSandboxCommand(argv, { stdout: stdout.stream, stderr: stderr.stream, signal: stop.signal })
    await until(() => stdout.text().includes('\n'))

    const ready = readyLineSchema.parse(JSON.parse(stdout.text()))
    expect(ready.users).toHaveLength(2)
    expect(ready.admin).toBe(`${ready.api}/__admin`)
    const user = ready.users[0] ?? { uid: '', token: '' }
    const sts = await callPlatform(ready.api, '/user/getsts', { ...user })
    const expiration = z.object({ Expiration: z.string() }).parse(sts.envelope.attachment).Expiration
    expect(Date.parse(expiration) - Date.now()).toBeLessThanOrEqual(120_000)

    stop.abort()
    expect(await exit).toBe(0)
    expect(stdout.text().split('\n')).toEqual([expect.any(String), ''])
    expect(stderr.text()).toContain('[sandbox] api POST /user/getsts -> 200')
    expect(stderr.text()).toContain('stopped')

    // The same data folder brings back the same accounts.
    const again = capture()
    const stopAgain = new AbortController()
    const second = runSandboxCommand(['--api-port', '0', '--oss-port', '0', '--seed-users', '2', '--data', dataDir], { stdout: again.stream, stderr: capture().stream, signal: stopAgain.signal })
    await until(() => again.text().includes('\n'))
    expect(readyLineSchema.parse(JSON.parse(again.text())).users).toEqual(ready.users)
    stopAgain.abort()
    expect(await second).toBe(0)
  })

  it('--tls serves both ports over https with a CA of its own, named in the ready line', async () => {
    const stdout = capture()
    const stop = new AbortController()
    const dataDir = mkdtempSync(join(tmpdir(), 'kyc-sandbox-cli-tls-'))
    dataDirs.push(dataDir)
    const exit = runSandboxCommand(['--api-port', '0', '--oss-port', '0', '--seed-users', '1', '--data', dataDir, '--tls'], { stdout: stdout.stream, stderr: capture().stream, signal: stop.signal })
    await until(() => stdout.text().includes('\n'), 20_000)
    const ready = readyLineSchema.extend({ ca: z.string() }).parse(JSON.parse(stdout.text()))
    expect(ready.ca).toBe(join(dataDir, 'ca.pem'))
    expect(new URL(ready.api).protocol).toBe('https:')
    expect(new URL(ready.oss).protocol).toBe('https:')
    const ca = readFileSync(ready.ca, 'utf8')
    expect(new X509Certificate(ca).ca).toBe(true)
    // Nothing that does not trust the CA gets an answer; with it, both ports answer.
    await expect(fetch(`${ready.admin}/info`, { headers: { authorization: `Bearer ${ready.adminToken}` } })).rejects.toThrow()
    const trusting = trustingFetch(ca)
    expect((await trusting(`${ready.admin}/info`, { headers: { authorization: `Bearer ${ready.adminToken}` } })).status).toBe(200)
    expect((await trusting(`${ready.oss}/`)).headers.get('x-oss-request-id')).toBeTruthy()
    stop.abort()
    expect(await exit).toBe(0)
  })

  it('--id-card-reader starts the reader emulator and names its URLs in the ready line', async () => {
    const stdout = capture()
    const stop = new AbortController()
    const exit = runSandboxCommand(['--api-port', '0', '--oss-port', '0', '--seed-users', '1', '--id-card-reader'], { stdout: stdout.stream, stderr: capture().stream, signal: stop.signal })
    await until(() => stdout.text().includes('\n'), 20_000)
    const ready = readyLineSchema.extend({ idCardReader: z.object({ cvrWeb: z.string(), zkOnline: z.string(), admin: z.string() }) }).parse(JSON.parse(stdout.text()))
    expect(new URL(ready.idCardReader.cvrWeb).hostname).toBe('127.0.0.1')
    const admin = { authorization: `Bearer ${ready.adminToken}`, 'content-type': 'application/json' }
    expect((await fetch(`${ready.idCardReader.admin}/card`, { method: 'PUT', headers: admin, body: JSON.stringify({ cardId: 'compound-sima' }) })).status).toBe(200)
    const read = (await (await fetch(`${ready.idCardReader.cvrWeb}/readcard?r=1`)).json()) as { resultFlag: number; partyName: string }
    expect(read).toMatchObject({ resultFlag: 0, partyName: '司马相如' })
    stop.abort()
    expect(await exit).toBe(0)
  })

  it('starts no reader emulator without --id-card-reader', async () => {
    const stdout = capture()
    const stop = new AbortController()
    const exit = runSandboxCommand(['--api-port', '0', '--oss-port', '0', '--seed-users', '0'], { stdout: stdout.stream, stderr: capture().stream, signal: stop.signal })
    await until(() => stdout.text().includes('\n'), 20_000)
    expect(JSON.parse(stdout.text())).not.toHaveProperty('idCardReader')
    stop.abort()
    expect(await exit).toBe(0)
  })

  it.each(['SIGTERM', 'SIGINT'] as const)('stops cleanly on %s as a process', async (signal) => {
    const repository = fileURLToPath(new URL('..', import.meta.url))
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/testing/run-sandbox-cli.ts', '--api-port', '0', '--oss-port', '0', '--seed-users', '1'], {
      cwd: repository,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    try {
      await until(() => stdout.includes('\n'), 20_000)
    } catch (error) {
      child.kill('SIGKILL')
      throw new Error(`no ready line; stderr: ${stderr}`, { cause: error })
    }
    const ready = readyLineSchema.parse(JSON.parse(stdout))
    expect((await fetch(`${ready.admin}/info`, { headers: { authorization: `Bearer ${ready.adminToken}` } })).status).toBe(200)
    child.kill(signal)
    expect(await exited).toBe(0)
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toContain(`stopping (${signal})`)
    await expect(fetch(`${ready.admin}/info`)).rejects.toThrow()
  })
})
