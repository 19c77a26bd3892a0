import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is compiled for one ABI. `npm install` leaves the Node build in node_modules for
 * the tests and, through scripts/install-electron-runtime.mjs, an Electron build here for the app.
 */
export function electronSqliteBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, '.electron-runtime', `better-sqlite3-electron-${electronVersion}`, 'better_sqlite3.node')
}

export type NativeBindingLookup = { ok: true; path: string } | { ok: false; message: string }

export function findElectronSqliteBinding(appRoot: string, electronVersion: string): NativeBindingLookup {
  const path = electronSqliteBindingPath(appRoot, electronVersion)
  if (existsSync(path)) return { ok: true, path }
  return {
    ok: false,
    message: `The Electron build of better-sqlite3 is missing (${path}). Run "npm run install:electron-runtime" with internet access.`,
  }
}
