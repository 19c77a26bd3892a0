// Checksums for the native binaries the install step downloads: a file whose SHA-256 is not the
// expected one is never installed. One copy of the rule for the Electron zip and the better-sqlite3
// prebuild; plain JavaScript because postinstall runs it with bare node.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

export function sha256OfFile(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** A SHASUMS256.txt as Electron publishes it (`<hex> *<file name>` per line) as name -> hex. */
export function parseShasums(text) {
  const sums = {}
  for (const line of text.split(/\r?\n/)) {
    const match = /^([0-9a-f]{64}) [ *]?(\S.*)$/i.exec(line.trim())
    if (match) sums[match[2]] = match[1].toLowerCase()
  }
  return sums
}

/**
 * Whether `file` (downloaded as `name`) is the artifact `sums` names. `{ ok: false }` carries the one
 * line to print: a mismatch, or no checksum for this name at all (an unknown artifact is not trusted
 * either); `actual` lets whoever vets a new platform's prebuild pin it.
 */
export function checkArtifact(file, name, sums, what) {
  const expected = Object.hasOwn(sums, name) ? sums[name] : undefined
  const actual = sha256OfFile(file)
  if (expected === undefined) {
    return { ok: false, reason: 'unpinned', actual, message: `kyc-desk: refusing ${what}: no checksum is pinned for ${name} (its SHA-256 is ${actual}).` }
  }
  if (actual !== expected.toLowerCase()) {
    return { ok: false, reason: 'mismatch', actual, message: `kyc-desk: refusing ${what}: ${name} has SHA-256 ${actual}, expected ${expected.toLowerCase()}; it was not installed.` }
  }
  return { ok: true, actual }
}
