import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { UsageError } from '../io'
import { runServe } from './serve'
import { parseServeFlags } from './serve-flags'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

function io() {
  return { stdout: new PassThrough(), stderr: new PassThrough(), env: {} as NodeJS.ProcessEnv }
}

describe('kyc-desk serve', () => {
  it('refuses a data folder whose key the desktop app keeps in the OS keychain, and makes no second key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-serve-cli-'))
    dirs.push(dir)
    writeFileSync(join(dir, 'data-key.json'), JSON.stringify({ format: 1, provider: 'safe-storage', keyId: '0'.repeat(32), wrapped: 'AA==', createdAt: 1 }))
    const run = runServe(['--data', dir, '--no-open'], io(), new Promise(() => undefined))
    await expect(run).rejects.toThrow(UsageError)
    await expect(run).rejects.toThrow(/belongs to the desktop app.*keychain/)
    expect(existsSync(join(dir, 'browser-mode.key'))).toBe(false)
  })

  it('binds the loopback address by default and checks its flags', () => {
    expect(parseServeFlags([])).toMatchObject({ host: '127.0.0.1', port: 0, open: true, platform: null })
    expect(parseServeFlags(['--host', 'localhost', '--port', '8080', '--no-open'])).toMatchObject({ host: '127.0.0.1', port: 8080, open: false })
    expect(() => parseServeFlags(['--port', '70000'])).toThrow(/--port must be a number from 0 to 65535/)
    expect(() => parseServeFlags(['--platform', 'ftp://x'])).toThrow(/--platform must be an http\(s\) URL/)
    expect(() => parseServeFlags(['--bogus'])).toThrow(UsageError)
    expect(parseServeFlags(['--help'])).toBeNull()
  })
})
