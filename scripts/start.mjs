// npm start: build, then launch the app (training mode unless a platform is configured).
// Where the Electron binary or its better-sqlite3 build is missing, say so in one line and stop.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { electronBinaryPresent, electronVersion, projectRoot, sqliteBindingPath } from './electron-runtime.mjs'

function fail(message) {
  console.error(`kyc-desk: ${message}`)
  process.exit(1)
}

if (!electronBinaryPresent()) {
  const retry = spawnSync(process.execPath, ['scripts/install-electron-runtime.mjs'], { cwd: projectRoot, stdio: 'inherit' })
  if (retry.status !== 0 || !electronBinaryPresent()) {
    fail('the Electron binary is not installed and cannot be downloaded here (it comes from GitHub); run "npm install" on a machine with internet access. `npm test` runs without it.')
  }
}
if (!existsSync(sqliteBindingPath(electronVersion()))) {
  fail(`better-sqlite3 for Electron ${electronVersion()} is missing; run "node scripts/install-electron-runtime.mjs" with internet access.`)
}
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectRoot, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const electronPath = createRequire(import.meta.url)('electron')
const run = spawnSync(electronPath, ['.'], { cwd: projectRoot, stdio: 'inherit' })
process.exit(run.status ?? 0)
