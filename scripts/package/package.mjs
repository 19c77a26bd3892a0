// npm run package [-- --win|--mac|--linux]: build the app, then the installer with electron-builder
// (config: electron-builder.config.ts). electron-builder downloads Electron for the target platform and
// rebuilds the native modules for it; where that cannot be reached, stop with one clear line.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { electronVersion, projectRoot } from '../electron-runtime.mjs'

const platformFlags = new Set(['--win', '--mac', '--linux'])
const args = process.argv.slice(2)
const unknown = args.filter((a) => !platformFlags.has(a))
if (unknown.length > 0) {
  console.error(`kyc-desk: unknown option ${unknown.join(' ')}; use --win, --mac or --linux`)
  process.exit(2)
}

/** Where electron-builder fetches Electron from (the same variable @electron/get reads). */
function electronSource(version) {
  const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/'
  return `${mirror.endsWith('/') ? mirror : `${mirror}/`}v${version}/SHASUMS256.txt`
}

async function reachable(url) {
  try {
    const response = await fetch(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(15_000) })
    return response.ok
  } catch {
    return false
  }
}

const version = electronVersion()
const source = electronSource(version)
// Node's fetch does not use a proxy; behind one, leave the download to electron-builder.
const behindProxy = Boolean(process.env.HTTPS_PROXY ?? process.env.https_proxy)
if (!behindProxy && !(await reachable(source))) {
  console.error(`kyc-desk: cannot package here: Electron ${version} cannot be downloaded from ${new URL(source).origin}; run "npm run package" on a machine with internet access (or set ELECTRON_MIRROR).`)
  process.exit(1)
}

const run = (command, commandArgs) => {
  const result = spawnSync(process.execPath, [join(projectRoot, command), ...commandArgs], { cwd: projectRoot, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
run('node_modules/electron-vite/bin/electron-vite.js', ['build'])
run('node_modules/electron-builder/cli.js', ['--config', 'electron-builder.config.ts', '--publish', 'never', ...args])
const appVersion = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).version
console.log(`kyc-desk: installers written to ${join(projectRoot, 'release', appVersion)}`)
