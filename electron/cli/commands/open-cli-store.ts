import { existsSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { environmentOf } from '../../../shared/domain/environment'
import { openKycStore, type KycStore } from '../../core/queue/store'
import { SettingsService, settingsUnreadableMessage } from '../../core/settings/settings-service'
import { EnvKeyProvider, KEY_ENV_VARIABLE } from '../../core/vault/env-key-provider'
import { KeyFileProvider } from '../../core/vault/key-file-provider'
import type { KeyProvider } from '../../core/vault/key-provider'
import { UsageError } from '../io'
import { defaultKeyFileOf, refuseKeychainFolder } from './data-location'

export const KEY_FILE_ENV_VARIABLE = 'KYC_DESK_KEY_FILE'

/**
 * The command line's key: `KYC_DESK_KEY` when set, else a key file (`--key-file` or
 * `KYC_DESK_KEY_FILE`). Never created here: a new key could not open the existing data.
 */
export function cliKeyProvider(env: NodeJS.ProcessEnv, keyFile: string | undefined): KeyProvider {
  if (env[KEY_ENV_VARIABLE]?.trim()) return new EnvKeyProvider(env)
  const file = keyFile ?? env[KEY_FILE_ENV_VARIABLE]
  if (file) return new KeyFileProvider({ file: resolve(file), create: false })
  throw new UsageError(`no data key: set ${KEY_ENV_VARIABLE} or pass --key-file FILE (or set ${KEY_FILE_ENV_VARIABLE})`)
}

/**
 * Opens an existing queue database; the data key file and `images/` sit beside it. The key: the
 * environment or `--key-file`, else the key file `init` left in the folder.
 */
export async function openCliStore(db: string, env: NodeJS.ProcessEnv, keyFile: string | undefined): Promise<KycStore> {
  const file = resolve(db)
  if (!existsSync(file)) throw new UsageError(`no database at ${file} (kyc-desk init --data DIR creates one)`)
  refuseKeychainFolder(file)
  const store = await openKycStore({ dataDir: dirname(file), dbFile: file, keyProvider: cliKeyProvider(env, keyFile ?? defaultKeyFileOf(file)) })
  const settings = new SettingsService(store.settings, Date.now)
  // Unreadable settings are not replaced by defaults (issue 17, finding 9): defaults would tag
  // everything as training, and those applicants would never reach the real platform.
  if (settings.health.kind === 'unreadable') {
    store.close()
    throw new UsageError(settingsUnreadableMessage)
  }
  // As in the app: what is imported belongs to the platform the stored settings point at.
  store.setEnvironment(environmentOf(settings.get().platform.baseUrl))
  return store
}
