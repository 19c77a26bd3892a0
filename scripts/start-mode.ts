// Why the desktop app cannot run here, if it cannot: `npm start` then serves the app to a browser.

/** True on Linux without a display server to show a window on (a server, a container, SSH). */
export function lacksDisplay(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  return platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']
}

/**
 * null when Electron can run the app, else the reason, worded for the one line `npm start` prints.
 * `runtime` says whether the Electron binary and its better-sqlite3 build are installed.
 */
export function electronBlocker(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, runtime: { readonly binary: boolean; readonly sqlite: boolean }): string | null {
  if (lacksDisplay(platform, env)) return 'no display to open a window on (DISPLAY and WAYLAND_DISPLAY are unset)'
  if (!runtime.binary) return 'the Electron binary is not installed and cannot be downloaded here (it comes from GitHub)'
  if (!runtime.sqlite) return 'better-sqlite3 for Electron is not installed and cannot be downloaded here (it comes from GitHub)'
  return null
}

/** The one line: why browser mode, and where the app is. */
export function browserModeLine(reason: string, url: string): string {
  return `kyc-desk: ${reason}, so the app runs in your browser instead: ${url}`
}
