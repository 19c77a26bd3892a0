import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { listPackage, statFile } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import config, { productNames } from '../../electron-builder.config'
import { findElectronSqliteBinding } from '../../electron/main/native-binding'

/**
 * Packages kyc-desk for real with electron-builder's `dir` target, from a stand-in Electron
 * distribution (Electron's binary cannot be downloaded here): a script carrying Electron's fuse
 * sentinel and wire, so electron-builder's fuse step flips a wire we can read back. Everything
 * else (files, asar, asarUnpack, extraResources, the fuse config) is the production config.
 */
const repoRoot = join(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'kyc-package-'))
const appDir = join(work, 'out', 'linux-unpacked')
const resources = join(appDir, 'resources')
// Electron 45's own fuse wire before packaging: RunAsNode, NodeOptions, Inspect and file:// on.
const electronDefaultWire = '10110001'
/** A fuse's state in the wire: the ASCII digits '0' and '1'. */
const fuse = { off: '0'.charCodeAt(0), on: '1'.charCodeAt(0) } as const

function standInElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true })
  const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX')
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), sentinel, Buffer.from([1, electronDefaultWire.length]), Buffer.from(electronDefaultWire)]))
  chmodSync(join(dir, 'electron'), 0o755)
  writeFileSync(join(dir, 'version'), '45.5.0')
  writeFileSync(join(dir, 'LICENSE'), 'MIT')
}

let files: string[] = []

beforeAll(async () => {
  const built = spawnSync(process.execPath, [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: repoRoot, stdio: 'pipe', encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`electron-vite build failed: ${built.stderr}`)
  standInElectron(join(work, 'electron-dist'))
  // electron-builder hard-links files when it sees VITEST, and its copy then fails (EEXIST):
  // load it as a packaging machine would, without that switch.
  const vitestFlag = process.env['VITEST']
  delete process.env['VITEST']
  const { Arch, build, Platform } = await import('electron-builder')
  process.env['VITEST'] = vitestFlag
  await build({
    projectDir: repoRoot,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    config: { ...config, electronDist: join(work, 'electron-dist'), npmRebuild: false, directories: { ...config.directories, output: join(work, 'out') } },
  })
  files = listPackage(join(resources, 'app.asar'), { isPack: false })
}, 600_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('the packaged app (electron-builder, linux dir target)', () => {
  it('names the executable kyc-desk', () => {
    expect(existsSync(join(appDir, 'kyc-desk'))).toBe(true)
    expect(productNames.zh).toBe('客户身份核验台')
  })

  it('holds the built main, the CommonJS preload and the renderer in app.asar', () => {
    for (const file of ['/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']) {
      expect(files, file).toContain(file)
    }
  })

  it('holds production dependencies only: no sources, tests, dev tools or the dev-only Electron runtime', () => {
    const top = new Set(files.map((f) => f.split('/')[1]))
    expect([...top].sort()).toEqual(['node_modules', 'out', 'package.json'])
    const modules = new Set(files.filter((f) => f.startsWith('/node_modules/')).map((f) => f.split('/').slice(2, f.startsWith('/node_modules/@') ? 4 : 3).join('/')))
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
    // The command line's TypeScript runner and its bundler stay out of the desktop app on purpose.
    const notShipped = new Set(['tsx', 'esbuild'])
    for (const dependency of Object.keys(pkg.dependencies).filter((d) => !notShipped.has(d))) {
      expect(files, dependency).toContain(`/node_modules/${dependency}/package.json`)
    }
    for (const dev of [...Object.keys(pkg.devDependencies), ...notShipped].filter((d) => !(d in pkg.dependencies) || notShipped.has(d))) {
      expect(modules, dev).not.toContain(dev)
    }
    expect(files.filter((f) => /\.(test|spec|e2e)\.[cm]?[jt]s$|\.map$|\.ts$/.test(f))).toEqual([])
    expect(files.some((f) => f.includes('.electron-runtime'))).toBe(false)
  })

  it('unpacks the native modules and the OCR data beside the asar, where the app loads them', () => {
    const binding = findElectronSqliteBinding({ packaged: true, resourcesPath: resources })
    expect(binding).toEqual({ ok: true, path: join(resources, 'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node') })
    const sharpNative = join(resources, 'app.asar.unpacked/node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-0.35.5.node')
    expect(existsSync(sharpNative)).toBe(true)
    expect(existsSync(join(resources, 'app.asar.unpacked/node_modules/@tesseract.js-data/eng'))).toBe(true)
    // A native module left inside the asar could not be loaded.
    const natives = files.filter((f) => f.endsWith('.node'))
    expect(natives.length).toBeGreaterThan(0)
    for (const file of natives) expect(statFile(join(resources, 'app.asar'), file.slice(1)), file).toMatchObject({ unpacked: true })
  })

  it('ships the example import in resources', () => {
    expect(readFileSync(join(resources, 'example-import', 'manifest.csv'), 'utf8')).toContain('uid')
  })

  it('flips the fuses in the packaged binary', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'kyc-desk'))
    expect(wire[FuseV1Options.RunAsNode]).toBe(fuse.off)
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(fuse.off)
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(fuse.off)
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(fuse.on)
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(fuse.on)
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(fuse.on)
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(fuse.off)
  })

  it('is a production build: no dev server and no DevTools in the main bundle', () => {
    const main = readFileSync(join(repoRoot, 'out/main/index.js'), 'utf8')
    expect(main).not.toContain('ELECTRON_RENDERER_URL')
    expect(main).toMatch(/startMain\(\s*electron,\s*\{\s*devTools: false\s*\}/)
  })
})
