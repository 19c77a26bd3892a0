import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const script = join(import.meta.dirname, 'package.mjs')

/** A loopback port nothing listens on: the download "site" of a machine without internet. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no port')
  return address.port
}

function runPackage(args: string[], env: Record<string, string>) {
  const { HTTPS_PROXY: _a, https_proxy: _b, ...rest } = process.env
  return spawnSync(process.execPath, [script, ...args], { env: { ...rest, ...env }, encoding: 'utf8', timeout: 60_000 })
}

describe('npm run package', () => {
  it('stops with one clear line where Electron cannot be downloaded, before building anything', async () => {
    const port = await closedPort()
    const result = runPackage([], { ELECTRON_MIRROR: `http://127.0.0.1:${port}/electron/` })
    expect(result.status).toBe(1)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^kyc-desk: cannot package here: Electron 45\.5\.0 cannot be downloaded from http:\/\/127\.0\.0\.1:\d+; run "npm run package" on a machine with internet access/)
    expect(result.stdout).not.toContain('vite')
  })

  it('refuses an option it does not know', () => {
    const result = runPackage(['--windows'], {})
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('unknown option --windows')
  })
})
