import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is compiled for one ABI. `npm install` leaves the Node build in node_modules for
 * the tests and, through scripts/install-electron-runtime.mjs, an Electron build in
 * `.electron-runtime/` for `npm start`. A packaged app carries its own copy, rebuilt for Electron
 * by electron-builder and unpacked from the asar (asarUnpack), under `resources/`.
 */
export type AppLayout =
  | { readonly packaged: true; readonly resourcesPath: string }
  | { readonly packaged: false; readonly appRoot: string; readonly electronVersion: string }

export function electronSqliteBindingPath(layout: AppLayout): string {
  return layout.packaged
    ? join(layout.resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node')
    : join(layout.appRoot, '.electron-runtime', `better-sqlite3-electron-${layout.electronVersion}`, 'better_sqlite3.node')
}

export type NativeBindingLookup = { ok: true; path: string } | { ok: false; message: string }

export function findElectronSqliteBinding(layout: AppLayout): NativeBindingLookup {
  const path = electronSqliteBindingPath(layout)
  if (existsSync(path)) return { ok: true, path }
  return {
    ok: false,
    message: layout.packaged
      ? `This installation is incomplete: the database module is missing (${path}). Reinstall kyc-desk.`
      : `The Electron build of better-sqlite3 is missing (${path}). Run "npm run install:electron-runtime" with internet access.`,
  }
}
