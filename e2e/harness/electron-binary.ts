import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')

/**
 * The Electron binary, if installed; null otherwise. Only looks: requiring `electron` would start
 * Electron 45's download of its binary on first use.
 */
export function electronBinary(): string | null {
  const dir = join(root, 'node_modules/electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/** The binary, when better-sqlite3's build for Electron is there too (`.electron-runtime`); else null. */
export function runnableElectron(): string | null {
  const binary = electronBinary()
  return binary !== null && existsSync(join(root, '.electron-runtime')) ? binary : null
}

export const electronSkipReason =
  'Electron binary or its better-sqlite3 build is not installed on this machine (both download from GitHub)'
