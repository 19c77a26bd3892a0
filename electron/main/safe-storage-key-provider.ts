import type { MainSafeStorage } from './electron-modules'
import type { KeyProvider } from '../core/vault/key-provider'

/**
 * Wraps the data key with the operating system's keychain through Electron's safeStorage.
 * On Linux without a keyring Electron falls back to a hard-coded password ("basic_text"):
 * the key is then effectively stored in clear, so the operator is told.
 */
export function safeStorageKeyProvider(safeStorage: MainSafeStorage, platform: NodeJS.Platform): KeyProvider {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  const secure = safeStorage.isEncryptionAvailable() && backend !== 'basic_text' && backend !== 'unknown'
  return {
    async wrap(key) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('The OS keychain is not available')
      return safeStorage.encryptString(key.toString('base64'))
    },
    async unwrap(wrapped) {
      return Buffer.from(safeStorage.decryptString(wrapped), 'base64')
    },
    describe() {
      // `kind` is stored next to the wrapped key, so it names the mechanism, not the backend.
      return secure
        ? { kind: 'safe-storage', secure: true }
        : {
            kind: 'safe-storage',
            secure: false,
            warning: { key: 'vault.noKeyring', params: { backend } },
          }
    },
  }
}
