import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { KeyFileProvider } from '../core/vault/key-file-provider'
import { startBrowserMode, trainingLauncher } from './browser-mode'

const resources = join(import.meta.dirname, '../../resources')
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('finding 4 in browser mode: the training sandbox keeps nothing on disk', () => {
  it('starts the sandbox as the desktop app does, and removes the plaintext folder of earlier versions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kyc-serve-training-'))
    dirs.push(dir)
    const renderer = join(dir, 'renderer')
    mkdirSync(renderer)
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><html><head><script type="module" src="./app.js"></script></head></html>')
    const data = join(dir, 'data')
    mkdirSync(join(data, 'training-sandbox'), { recursive: true })
    writeFileSync(join(data, 'training-sandbox', 'sandbox.sqlite'), 'identities in plain text')
    const mode = await startBrowserMode({
      dataDir: data,
      appVersion: '0.0.0-test',
      keyProvider: new KeyFileProvider({ file: join(data, 'browser-mode.key') }),
      rendererRoot: renderer,
      host: '127.0.0.1',
      port: 0,
      training: trainingLauncher(data, resources),
    })
    expect(mode.training).toBe(true)
    expect(existsSync(join(data, 'training-sandbox'))).toBe(false)
    await mode.close()
    expect(readdirSync(data).filter((name) => name.includes('sandbox'))).toEqual([])
  }, 60_000)
})
