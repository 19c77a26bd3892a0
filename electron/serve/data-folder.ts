import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { DATA_KEY_FILE } from '../core/vault/data-key'

/** Where browser mode keeps its data unless `--data` says otherwise: its own folder, not the desktop app's. */
export function defaultServeDataDir(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_DATA_HOME']?.trim() || join(homedir(), '.local', 'share')
  return resolve(base, 'kyc-desk-serve')
}

/** The key file browser mode creates (0600) in its data folder when no other key is named. */
export const SERVE_KEY_FILE = 'browser-mode.key'

/**
 * A folder whose data key is wrapped by the desktop app's OS keychain (Electron safeStorage)
 * cannot be opened outside Electron; say so instead of failing on the key or making a second one.
 */
export function keychainRefusal(dataDir: string): string | null {
  let provider: unknown
  try {
    provider = (JSON.parse(readFileSync(join(dataDir, DATA_KEY_FILE), 'utf8')) as { provider?: unknown }).provider
  } catch {
    return null
  }
  if (provider !== 'safe-storage') return null
  return (
    `${dataDir} belongs to the desktop app: its key is held by this computer's keychain, which only the desktop app can use. ` +
    'Open it with "npm start" on a machine with a display, or serve another folder with --data DIR.'
  )
}
