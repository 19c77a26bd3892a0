// postinstall: fetch what only the Electron app needs, next to the Node builds the tests use.
//  1. the Electron binary (electron 45 downloads it on first use; we do it at install time), and
//  2. better-sqlite3 compiled for Electron's ABI, kept in .electron-runtime/ so the Node build in
//     node_modules stays in place for `npm test` and no rebuild is ever needed between the two.
// Both need GitHub. Without it (CI, offline machines) each prints one line and the install goes on.
// Both are checked before they are installed (scripts/electron-runtime-install.mjs): the Electron
// zip against Electron's SHASUMS256, the prebuild against scripts/electron-runtime-checksums.json.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import {
  electronBinaryPresent,
  electronVersion,
  projectRoot,
  resolveFromProject,
  sqliteBindingDir,
  sqliteBindingPath,
} from './electron-runtime.mjs'
import { fetchSqlitePrebuild, installElectronBinary } from './electron-runtime-install.mjs'

const timeout = 180_000
const require = createRequire(import.meta.url)
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'))
const warn = (line) => console.warn(line)

// electron's own install.js picks the artifact the same way.
const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch

async function installElectron(version) {
  if (electronBinaryPresent()) return
  const { downloadArtifact } = require(resolveFromProject('@electron/get'))
  const checksums = readJson(join(projectRoot, 'node_modules/electron/checksums.json'))
  // Remote checksums would come from the same mirror as the zip: the installer uses the pinned ones.
  const env = { ...process.env }
  delete env.electron_use_remote_checksums
  delete env.npm_config_electron_use_remote_checksums
  await installElectronBinary({
    version,
    platform,
    arch,
    checksums,
    // Checked by installElectronBinary itself, so a mismatch is reported as one, not as "offline".
    download: (artifact) => downloadArtifact({ ...artifact, artifactName: 'electron', cacheRoot: process.env.electron_config_cache, unsafelyDisableChecksums: true }),
    runInstaller: () =>
      spawnSync(process.execPath, [join(projectRoot, 'node_modules/electron/install.js')], { stdio: ['ignore', 'ignore', 'pipe'], timeout, env }).status === 0,
    warn,
  })
}

function prebuildUrl(version) {
  const util = require(resolveFromProject('prebuild-install/util.js'))
  const { getAbi } = require(resolveFromProject('node-abi'))
  const pkg = readJson(join(projectRoot, 'node_modules/better-sqlite3/package.json'))
  const musl = process.platform === 'linux' && require(resolveFromProject('detect-libc')).isNonGlibcLinuxSync()
  return util.getDownloadUrl({ pkg, runtime: 'electron', abi: getAbi(version, 'electron'), platform: process.platform, arch: process.arch, libc: musl ? 'musl' : '', 'tag-prefix': 'v' })
}

async function fetchFile(url, file) {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeout) })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  writeFileSync(file, Buffer.from(await response.arrayBuffer()))
}

async function installElectronSqlite(version) {
  const target = sqliteBindingPath(version)
  if (existsSync(target)) return
  const work = join(sqliteBindingDir(version), 'work')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const prebuild = await fetchSqlitePrebuild({
    url: prebuildUrl(version),
    workDir: work,
    version,
    pinned: readJson(join(import.meta.dirname, 'electron-runtime-checksums.json'))['better-sqlite3'],
    acceptUnpinned: process.env.KYC_DESK_ACCEPT_UNPINNED_PREBUILD === '1',
    fetchFile,
    warn,
  })
  if (prebuild === null) {
    rmSync(work, { recursive: true, force: true })
    return
  }
  const source = join(projectRoot, 'node_modules/better-sqlite3')
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    if (existsSync(join(source, entry))) cpSync(join(source, entry), join(work, entry), { recursive: true })
  }
  // The checked file sits in <work>/prebuilds/, prebuild-install's local prebuild: it unpacks that one.
  const result = spawnSync(
    process.execPath,
    [resolveFromProject('prebuild-install/bin.js'), '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform],
    { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], timeout },
  )
  const built = join(work, 'build/Release/better_sqlite3.node')
  if (result.status === 0 && existsSync(built)) renameSync(built, target)
  else warn(`kyc-desk: better-sqlite3 for Electron ${version} was fetched and checked but could not be unpacked; run \`npm run install:electron-runtime\` again.`)
  rmSync(work, { recursive: true, force: true })
}

if (process.env.KYC_DESK_SKIP_ELECTRON_RUNTIME === '1') {
  console.warn('kyc-desk: KYC_DESK_SKIP_ELECTRON_RUNTIME=1, not fetching the Electron runtime.')
} else if (!existsSync(join(projectRoot, 'node_modules/electron/package.json'))) {
  // A production-only install (no devDependencies): nothing Electron-specific to prepare.
} else {
  await installElectron(electronVersion())
  await installElectronSqlite(electronVersion())
}
