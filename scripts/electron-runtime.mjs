// Where the Electron-only runtime pieces live, shared by the install step and `npm start`.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export const projectRoot = join(import.meta.dirname, '..')
const require = createRequire(import.meta.url)

export function electronVersion() {
  return JSON.parse(readFileSync(join(projectRoot, 'node_modules/electron/package.json'), 'utf8')).version
}

export function sqliteBindingDir(version) {
  return join(projectRoot, '.electron-runtime', `better-sqlite3-electron-${version}`)
}

export function sqliteBindingPath(version) {
  return join(sqliteBindingDir(version), 'better_sqlite3.node')
}

/** True when node_modules/electron holds a downloaded binary (its index.js would otherwise try to download). */
export function electronBinaryPresent() {
  const dir = join(projectRoot, 'node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return false
  return existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))
}

export function resolveFromProject(id) {
  return require.resolve(id, { paths: [projectRoot] })
}
