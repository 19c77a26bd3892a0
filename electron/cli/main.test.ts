import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { main } from './main'
import { capture } from './test-support/capture-output'

async function run(argv: string[]) {
  const out = capture()
  const err = capture()
  const code = await main(argv, { stdout: out.stream, stderr: err.stream, env: {} })
  return { code, stdout: out.text(), stderr: err.text() }
}

describe('kyc-desk command line', () => {
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version

  it('prints its version and exits 0', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` })
  })

  it('prints help and exits 0', async () => {
    const result = await run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Usage: kyc-desk <command>')
    expect(result.stdout).toContain('Exit codes: 0 ok, 1 some items failed, 2 usage error.')
  })

  it('exits 2 on an unknown command or option, with help on stderr', async () => {
    const unknown = await run(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
    expect((await run(['--frob'])).code).toBe(2)
    expect((await run([])).code).toBe(2)
  })

  it('runs as a real executable through the package bin', () => {
    const result = spawnSync(process.execPath, ['bin/kyc-desk.mjs', '--version'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(result.stdout.trim()).toBe(version)
  })
})
