// postinstall: fetch what only the Electron app needs, next to the Node builds the tests use.
//  1. the Electron binary (electron 45 downloads it on first use; we do it at install time), and
//  2. better-sqlite3 compiled for Electron's ABI, kept in .electron-runtime/ so the Node build in
//     node_modules stays in place for `npm test` and no rebuild is ever needed between the two.
// Both need GitHub. Without it (CI, offline machines) each prints one line and the install goes on.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  electronBinaryPresent,
  electronVersion,
  projectRoot,
  resolveFromProject,
  sqliteBindingDir,
  sqliteBindingPath,
} from './electron-runtime.mjs'

const timeout = 180_000

function installElectronBinary() {
  if (electronBinaryPresent()) return
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/electron/install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout,
  })
  if (result.status !== 0) {
    console.warn('kyc-desk: could not download the Electron binary (needs GitHub access); `npm test` works without it, `npm start` will need it.')
  }
}

function installElectronSqlite(version) {
  const target = sqliteBindingPath(version)
  if (existsSync(target)) return
  const work = join(sqliteBindingDir(version), 'work')
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const source = join(projectRoot, 'node_modules/better-sqlite3')
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps']) {
    if (existsSync(join(source, entry))) cpSync(join(source, entry), join(work, entry), { recursive: true })
  }
  const prebuild = resolveFromProject('prebuild-install/bin.js')
  const result = spawnSync(
    process.execPath,
    [prebuild, '--runtime', 'electron', '--target', version, '--arch', process.arch, '--platform', process.platform],
    { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], timeout },
  )
  const built = join(work, 'build/Release/better_sqlite3.node')
  if (result.status === 0 && existsSync(built)) {
    renameSync(built, target)
    rmSync(work, { recursive: true, force: true })
  } else {
    rmSync(work, { recursive: true, force: true })
    console.warn(`kyc-desk: could not fetch better-sqlite3 for Electron ${version} (needs GitHub access); \`npm test\` works without it, \`npm start\` will need it.`)
  }
}

if (process.env.KYC_DESK_SKIP_ELECTRON_RUNTIME === '1') {
  console.warn('kyc-desk: KYC_DESK_SKIP_ELECTRON_RUNTIME=1, not fetching the Electron runtime.')
} else if (!existsSync(join(projectRoot, 'node_modules/electron/package.json'))) {
  // A production-only install (no devDependencies): nothing Electron-specific to prepare.
} else {
  installElectronBinary()
  installElectronSqlite(electronVersion())
}
