import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { electronZipName, fetchSqlitePrebuild, installElectronBinary } from './electron-runtime-install.mjs'
import { checkArtifact, parseShasums } from './runtime-checksums.mjs'

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('finding 11: the postinstall step installs only downloads whose checksum matches', () => {
  let dir: string
  let lines: string[]
  const warn = (line: string) => void lines.push(line)
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kyc-runtime-'))
    lines = []
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const zipBytes = Buffer.from('PK\u0003\u0004 a stand-in for the Electron zip')
  const zipName = electronZipName('45.5.0', 'linux', 'x64')
  // The shape Electron publishes: `<sha256> *<file>` per line.
  const shasums = `${'0'.repeat(64)} *electron-v45.5.0-darwin-arm64.zip\n${sha256(zipBytes)} *${zipName}\n`

  function downloaded(bytes: Buffer): () => Promise<string> {
    return async () => {
      const file = join(dir, zipName)
      writeFileSync(file, bytes)
      return file
    }
  }

  it('reads Electron\'s SHASUMS256.txt and electron\'s checksums.json alike', () => {
    expect(parseShasums(shasums)[zipName]).toBe(sha256(zipBytes))
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '../node_modules/electron/checksums.json'), 'utf8')) as Record<string, string>
    expect(shipped[zipName]).toMatch(/^[0-9a-f]{64}$/)
  })

  it('unpacks an Electron zip that matches its published checksum', async () => {
    let installed = 0
    const result = await installElectronBinary({ version: '45.5.0', platform: 'linux', arch: 'x64', checksums: parseShasums(shasums), download: downloaded(zipBytes), runInstaller: () => (installed++, true), warn })
    expect(result).toBe('installed')
    expect(installed).toBe(1)
    expect(lines).toEqual([])
  })

  it('refuses, in one line, an Electron zip that does not match, and deletes it', async () => {
    let installed = 0
    const tampered = Buffer.concat([zipBytes, Buffer.from('!')])
    const result = await installElectronBinary({ version: '45.5.0', platform: 'linux', arch: 'x64', checksums: parseShasums(shasums), download: downloaded(tampered), runInstaller: () => (installed++, true), warn })
    expect(result).toBe('refused')
    expect(installed).toBe(0)
    expect(lines).toEqual([`kyc-desk: refusing the Electron 45.5.0 binary: ${zipName} has SHA-256 ${sha256(tampered)}, expected ${sha256(zipBytes)}; it was not installed.`])
    expect(existsSync(join(dir, zipName))).toBe(false)
  })

  it('refuses a zip for which no checksum is published', async () => {
    const result = await installElectronBinary({ version: '45.5.0', platform: 'linux', arch: 'x64', checksums: {}, download: downloaded(zipBytes), runInstaller: () => true, warn })
    expect(result).toBe('refused')
    expect(lines[0]).toContain(`no checksum is pinned for ${zipName}`)
  })

  it('still goes on offline with one line', async () => {
    const result = await installElectronBinary({ version: '45.5.0', platform: 'linux', arch: 'x64', checksums: {}, download: () => Promise.reject(new Error('ENOTFOUND github.com')), runInstaller: () => true, warn })
    expect(result).toBe('offline')
    expect(lines).toHaveLength(1)
  })

  describe('the better-sqlite3 prebuild, against the checksum pinned in the repo', () => {
    const tarball = Buffer.from('\u001f\u008b a stand-in for the prebuild tarball')
    const name = 'better-sqlite3-v12.11.1-electron-v150-linux-x64.tar.gz'
    const url = `https://github.com/WiseLibs/better-sqlite3/releases/download/v12.11.1/${name}`
    const fixture = () => {
      const file = join(dir, 'fixture.tar.gz')
      writeFileSync(file, tarball)
      return file
    }
    // Stands in for the download: the local fixture bytes land where the real fetch would write.
    const serve = (bytes: Buffer) => async (_url: string, file: string) => writeFileSync(file, bytes)
    const fetchOptions = (pinned: Record<string, string>, bytes: Buffer, acceptUnpinned = false) => ({
      url, workDir: join(dir, 'work'), version: '45.5.0', pinned, acceptUnpinned, fetchFile: serve(bytes), warn,
    })

    it('hands a matching prebuild to prebuild-install as its local prebuild', async () => {
      const file = await fetchSqlitePrebuild(fetchOptions({ [name]: sha256(tarball) }, tarball))
      expect(file).toBe(join(dir, 'work', 'prebuilds', name))
      expect(lines).toEqual([])
    })

    it('refuses a prebuild that does not match, in one line, and keeps none of it', async () => {
      const tampered = Buffer.concat([tarball, Buffer.from('x')])
      expect(await fetchSqlitePrebuild(fetchOptions({ [name]: sha256(tarball) }, tampered))).toBeNull()
      expect(lines).toEqual([`kyc-desk: refusing better-sqlite3 for Electron 45.5.0: ${name} has SHA-256 ${sha256(tampered)}, expected ${sha256(tarball)}; it was not installed.`])
      expect(existsSync(join(dir, 'work', 'prebuilds', name))).toBe(false)
    })

    it('refuses an unpinned prebuild unless a developer accepts it, and prints the checksum to pin', async () => {
      expect(await fetchSqlitePrebuild(fetchOptions({}, tarball))).toBeNull()
      expect(lines[0]).toContain(`no checksum is pinned for ${name} (its SHA-256 is ${sha256(tarball)})`)
      expect(await fetchSqlitePrebuild(fetchOptions({}, tarball, true))).toBe(join(dir, 'work', 'prebuilds', name))
      // A mismatch is refused even then.
      expect(await fetchSqlitePrebuild(fetchOptions({ [name]: '0'.repeat(64) }, tarball, true))).toBeNull()
    })

    it('pins only well-formed SHA-256 values in the repo', () => {
      const pinned = (JSON.parse(readFileSync(join(import.meta.dirname, 'electron-runtime-checksums.json'), 'utf8')) as { 'better-sqlite3': Record<string, string> })['better-sqlite3']
      for (const [file, sum] of Object.entries(pinned)) {
        expect(file).toMatch(/^better-sqlite3-v[\d.]+-electron-v\d+-[a-z0-9]+-[a-z0-9]+\.tar\.gz$/)
        expect(sum).toMatch(/^[0-9a-f]{64}$/)
      }
      expect(checkArtifact(fixture(), name, { [name]: sha256(tarball).toUpperCase() }, 'x').ok).toBe(true)
    })
  })
})
