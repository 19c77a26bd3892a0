import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { z } from 'zod'
import { DB_FILE } from '../../core/queue/store'
import { DATA_KEY_FILE } from '../../core/vault/data-key'
import { UsageError } from '../io'

/** Where `kyc-desk init` puts the key file when not told: beside the data (better: other media). */
export const DEFAULT_KEY_FILE = 'kyc-desk.key'

/** Help text for the two ways of naming a queue, shared by every command that opens one. */
export const locationHelp = `  --data DIR             the data folder (kyc-desk.sqlite, its key and images/ are inside)
  --db FILE              or the queue database itself; its data folder is the file's folder`

/** `--data DIR` or `--db FILE`, as the database file; '' when neither was given (the schema says which is missing). */
export function dbFileFrom(values: { readonly db?: string | undefined; readonly data?: string | undefined }): string {
  if (values.db !== undefined && values.data !== undefined) throw new UsageError('give --data DIR or --db FILE, not both')
  if (values.data !== undefined) return join(values.data, DB_FILE)
  return values.db ?? ''
}

const keyFileSchema = z.object({ provider: z.string() })

/**
 * A folder whose data key the desktop app wrapped with the OS keychain cannot be opened here:
 * the keychain belongs to the signed-in Windows/macOS account and the app, not to a script.
 */
export function refuseKeychainFolder(dbFile: string): void {
  const keyFile = join(dirname(resolve(dbFile)), DATA_KEY_FILE)
  if (!existsSync(keyFile)) return
  let text: unknown
  try {
    text = JSON.parse(readFileSync(keyFile, 'utf8'))
  } catch {
    return // Unreadable or not JSON: opening the store says exactly what is wrong with it.
  }
  const parsed = keyFileSchema.safeParse(text)
  if (parsed.success && parsed.data.provider === 'safe-storage') {
    throw new UsageError(
      `${dirname(resolve(dbFile))} is locked by the desktop app's OS keychain, which the command line cannot use; ` +
        'for the command line on a branch PC, IT sets the folder up with a key file: kyc-desk init --data DIR --key-file FILE, and starts the app with KYC_DESK_KEY_FILE=FILE',
    )
  }
}

/** The key file `init` made beside the data, when no key was named. */
export function defaultKeyFileOf(dbFile: string): string | undefined {
  const candidate = join(dirname(resolve(dbFile)), DEFAULT_KEY_FILE)
  return existsSync(candidate) ? candidate : undefined
}
