import { KEY_BYTES } from './cipher'
import { unwrapUnderKek, wrapUnderKek } from './kek-wrap'
import type { KeyProvider, KeyProviderDescription } from './key-provider'

export const KEY_ENV_VARIABLE = 'KYC_DESK_KEY'

/**
 * Reads a 32-byte key-encryption key from `KYC_DESK_KEY` (64 hex digits or base64), for the
 * command line and CI where no OS keychain exists. Parsed once at construction so a bad value
 * fails at start-up, and the value never appears in an error message.
 */
export class EnvKeyProvider implements KeyProvider {
  private readonly kek: Buffer

  constructor(env: Readonly<Record<string, string | undefined>> = process.env, variable = KEY_ENV_VARIABLE) {
    const raw = env[variable]?.trim()
    if (!raw) throw new Error(`${variable} is not set`)
    this.kek = parseKey(raw, variable)
  }

  // async so that a failure is a rejected promise, as the interface's callers expect.
  async wrap(key: Buffer): Promise<Buffer> {
    return wrapUnderKek(this.kek, key)
  }

  async unwrap(wrapped: Buffer): Promise<Buffer> {
    return unwrapUnderKek(this.kek, wrapped)
  }

  describe(): KeyProviderDescription {
    return { kind: 'env', secure: true }
  }
}

function parseKey(raw: string, variable: string): Buffer {
  // Hex first: 64 hex digits are also valid base64 and would decode to 48 bytes.
  if (/^[0-9a-fA-F]{64}$/.test(raw)) return Buffer.from(raw, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(raw)) {
    const key = Buffer.from(raw, raw.includes('-') || raw.includes('_') ? 'base64url' : 'base64')
    if (key.length === KEY_BYTES) return key
  }
  throw new Error(`${variable} must be ${KEY_BYTES} bytes as 64 hex digits or base64`)
}
