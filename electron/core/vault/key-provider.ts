/**
 * Wraps and unwraps the data key. The store never sees the key-encryption key itself, so the
 * Electron `safeStorage` adapter (electron/main), a key file and an environment variable plug in
 * the same way. Implementations must fail loudly (throw) rather than return a wrong key.
 */
export interface KeyProvider {
  wrap(key: Buffer): Promise<Buffer>
  unwrap(wrapped: Buffer): Promise<Buffer>
  describe(): KeyProviderDescription
}

export interface KeyProviderDescription {
  /** Short stable name recorded next to the wrapped key, e.g. `key-file`, `env`, `safe-storage`. */
  readonly kind: string
  /** False when the key-encryption key is not really protected (Linux `basic_text` backend). */
  readonly secure: boolean
  /** Operator-facing reason when `secure` is false or a weaker guarantee applies. */
  readonly warning?: string
}
