import { createHmac } from 'node:crypto'
import type { z } from 'zod'
import { KEY_BYTES, open, seal } from './cipher'
import type { KeyProviderDescription } from './key-provider'

/** Where a field ciphertext belongs; it opens only there (it is the GCM additional data). */
export interface FieldContext {
  readonly applicantId: string
  /** e.g. `identity`, `binding`, `step:upload:front`. */
  readonly field: string
}

/**
 * Encrypts fields and files under the unwrapped data key. Field and file contexts use different
 * prefixes so no ciphertext can be moved between the two kinds either.
 */
export class Vault {
  private readonly key: Buffer

  constructor(
    key: Buffer,
    readonly keyId: string,
    readonly provider: KeyProviderDescription,
  ) {
    if (key.length !== KEY_BYTES) throw new Error('the data key must be 32 bytes')
    // A private copy, so wiping it on close cannot be undone by the caller's buffer and vice versa.
    this.key = Buffer.from(key)
  }

  sealField(plaintext: Buffer, context: FieldContext): Buffer {
    return seal(this.key, plaintext, fieldContext(context))
  }

  openField(sealed: Buffer, context: FieldContext): Buffer {
    return open(this.key, sealed, fieldContext(context))
  }

  sealJson(value: unknown, context: FieldContext): Buffer {
    return this.sealField(Buffer.from(JSON.stringify(value), 'utf8'), context)
  }

  /** Decrypts and validates: a blob that opens but does not parse is a bug, not data. */
  openJson<T>(sealed: Buffer, context: FieldContext, schema: z.ZodType<T>): T {
    const text = this.openField(sealed, context).toString('utf8')
    return schema.parse(JSON.parse(text))
  }

  /** Image files are bound to the SHA-256 of their plaintext, which is also their file name. */
  sealFile(plaintext: Buffer, sha256: string): Buffer {
    return seal(this.key, plaintext, `file:${sha256}`)
  }

  openFile(sealed: Buffer, sha256: string): Buffer {
    return open(this.key, sealed, `file:${sha256}`)
  }

  /** An HMAC under the data key for one labelled use (the PIN pepper): useless without the key. */
  mac(label: 'pin-pepper' | 'pin-wrap', data: Buffer): Buffer {
    return createHmac('sha256', this.key).update(`kyc-desk:${label}:v1\0`).update(data).digest()
  }

  /** Best effort: the key also lived in buffers we do not own (the provider's, the GC's). */
  wipe(): void {
    this.key.fill(0)
  }
}

function fieldContext(context: FieldContext): string {
  return `field:${context.applicantId}:${context.field}`
}
