import type { z } from 'zod'
import type { FieldContext, Vault } from './vault'

interface Entry {
  readonly sealed: Buffer
  readonly value: unknown
}

const keyOf = (applicantId: string, field: string) => `${applicantId}\u0000${field}`

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const inner of Object.values(value)) deepFreeze(inner)
  }
  return value
}

/**
 * The last few fields opened (or sealed), by applicant and field name, for as long as their
 * ciphertext is unchanged. The sync engine opens an applicant's record at the start of each run
 * (and again when an edit moved its revision), and the upload steps' sealed outputs (object keys)
 * in each of the four steps after them, six opens per applicant; the dashboard's detail view and
 * the capture screens open the same records again and again. Without this, each of those
 * decrypted and validated the same ciphertext anew.
 *
 * A hit needs the very same ciphertext bytes, which were authenticated (AES-GCM, with the
 * applicant and field as associated data) when first opened; any edit re-seals with a fresh IV
 * and so misses. Values are frozen because callers share them. Plaintext is kept in memory only
 * for the last `capacity` fields, and `forget` drops an applicant's at once (removal, purge).
 */
export class OpenedFields {
  private readonly entries = new Map<string, Entry>()

  constructor(
    private readonly vault: Pick<Vault, 'openJson'>,
    private readonly capacity = 128,
  ) {}

  openJson<T>(sealed: Buffer, context: FieldContext, schema: z.ZodType<T>): T {
    const key = keyOf(context.applicantId, context.field)
    const hit = this.entries.get(key)
    if (hit?.sealed.equals(sealed)) {
      this.makeNewest(key, hit)
      return hit.value as T
    }
    return this.keep(key, sealed, this.vault.openJson(sealed, context, schema))
  }

  /**
   * Records what was just sealed, so reading it back (the engine reads each upload's object key
   * for the authnew steps and the reconciliation) does not decrypt what this process wrote.
   */
  remember<T>(sealed: Buffer, context: FieldContext, value: T): void {
    this.keep(keyOf(context.applicantId, context.field), sealed, structuredClone(value))
  }

  private keep<T>(key: string, sealed: Buffer, value: T): T {
    const frozen = deepFreeze(value)
    this.makeNewest(key, { sealed: Buffer.from(sealed), value: frozen })
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
    return frozen
  }

  forget(applicantId: string): void {
    const prefix = keyOf(applicantId, '')
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key)
  }

  /** A Map keeps insertion order, so re-inserting makes an entry the last to be evicted. */
  private makeNewest(key: string, entry: Entry): void {
    this.entries.delete(key)
    this.entries.set(key, entry)
  }

  clear(): void {
    this.entries.clear()
  }
}
