// npm start: build, then launch the desktop app (training mode unless a platform is configured).
// Where Electron cannot run (no display on Linux, its binary or better-sqlite3 build missing and
// not downloadable), build and start browser mode instead (`kyc-desk serve`), and say in one
// line why and where the app is. Extra arguments go to `kyc-desk serve` (e.g. -- --port 8080).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { register } from 'tsx/esm/api'
import { electronBinaryPresent, electronVersion, projectRoot, sqliteBindingPath } from './electron-runtime.mjs'

register()
const { browserModeLine, electronBlocker, lacksDisplay } = await import('./start-mode.ts')

function build() {
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: projectRoot, stdio: ['ignore', process.stderr, 'inherit'] })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function runtime() {
  return { binary: electronBinaryPresent(), sqlite: existsSync(sqliteBindingPath(electronVersion())) }
}

// A missing binary may still download (first start after an offline install); with no display, why try.
if (!lacksDisplay(process.platform, process.env) && !electronBinaryPresent()) {
  spawnSync(process.execPath, ['scripts/install-electron-runtime.mjs'], { cwd: projectRoot, stdio: ['ignore', process.stderr, 'inherit'] })
}
const blocker = electronBlocker(process.platform, process.env, runtime())
build()

if (blocker === null) {
  const electronPath = createRequire(import.meta.url)('electron')
  const run = spawnSync(electronPath, ['.'], { cwd: projectRoot, stdio: 'inherit' })
  process.exit(run.status ?? 0)
}

const serve = spawn(process.execPath, [join(projectRoot, 'bin/kyc-desk.mjs'), 'serve', ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
})
// The server's first stdout line is its JSON readiness line; it becomes the one line said here.
createInterface({ input: serve.stdout }).once('line', (line) => {
  let url = null
  try {
    url = JSON.parse(line).url
  } catch {
    url = null
  }
  console.log(url ? browserModeLine(blocker, url) : line)
})
// Ctrl+C reaches the server itself (same process group): forwarding it would be a second signal.
process.on('SIGINT', () => undefined)
process.on('SIGTERM', () => serve.kill('SIGTERM'))
serve.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
