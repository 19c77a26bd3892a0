// The two downloads of the postinstall step, each checked before anything is installed. Network,
// installer and warnings are passed in, so the checks run in tests on local files.
import { mkdirSync, rmSync } from 'node:fs'
import { basename, join } from 'node:path'
import { checkArtifact } from './runtime-checksums.mjs'

export function electronZipName(version, platform, arch) {
  return `electron-v${version}-${platform}-${arch}.zip`
}

/**
 * Downloads the Electron zip, checks it against Electron's published SHASUMS256 for this version
 * (`checksums`: electron's own checksums.json, which the package lock pins by integrity), and only
 * then lets electron's installer unpack it (from the cache, checking it once more). A zip that
 * does not match is deleted and not installed. Returns what happened, for tests.
 */
export async function installElectronBinary({ version, platform, arch, checksums, download, runInstaller, warn }) {
  let zip
  try {
    zip = await download({ version, platform, arch })
  } catch {
    warn('kyc-desk: could not download the Electron binary (needs GitHub access); `npm test` works without it, and `npm start` runs the app in the browser until it is there.')
    return 'offline'
  }
  const check = checkArtifact(zip, electronZipName(version, platform, arch), checksums, `the Electron ${version} binary`)
  if (!check.ok) {
    rmSync(zip, { force: true })
    warn(check.message)
    return 'refused'
  }
  if (!runInstaller()) {
    warn('kyc-desk: the Electron binary was downloaded and checked but could not be unpacked; run `npm run install:electron-runtime` again.')
    return 'failed'
  }
  return 'installed'
}

/**
 * Fetches the better-sqlite3 prebuild for Electron into `<workDir>/prebuilds/`, where
 * prebuild-install takes it instead of downloading (its "local prebuild"), and checks it against
 * the checksum pinned in the repo first. Returns the file, or null after one line saying why not.
 * A mismatch is always refused; a file nobody pinned only when `acceptUnpinned` says so.
 */
export async function fetchSqlitePrebuild({ url, workDir, version, pinned, acceptUnpinned, fetchFile, warn }) {
  const name = basename(new URL(url).pathname)
  const file = join(workDir, 'prebuilds', name)
  mkdirSync(join(workDir, 'prebuilds'), { recursive: true })
  try {
    await fetchFile(url, file)
  } catch {
    rmSync(file, { force: true })
    warn(`kyc-desk: could not fetch better-sqlite3 for Electron ${version} (needs GitHub access); \`npm test\` works without it, and \`npm start\` runs the app in the browser until it is there.`)
    return null
  }
  const check = checkArtifact(file, name, pinned, `better-sqlite3 for Electron ${version}`)
  if (!check.ok && check.reason === 'unpinned' && acceptUnpinned) {
    // A developer's explicit choice (KYC_DESK_ACCEPT_UNPINNED_PREBUILD=1) on a platform nobody pinned yet.
    warn(`kyc-desk: installing ${name} unverified (KYC_DESK_ACCEPT_UNPINNED_PREBUILD=1); its SHA-256 is ${check.actual}.`)
    return file
  }
  if (!check.ok) {
    rmSync(file, { force: true })
    warn(check.reason === 'unpinned' ? `${check.message} Pin it in scripts/electron-runtime-checksums.json once vetted.` : check.message)
    return null
  }
  return file
}
