import { createHmac, randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { isCode, writeFileAtomic } from './atomic-write'
import { KEY_BYTES } from './cipher'
import type { KeyProvider } from './key-provider'

/**
 * The random 256-bit data key encrypts every field and image; on disk it exists only wrapped by
 * the key provider, in a small JSON file in the data directory.
 *
 * Rotation: re-wrapping the data key under another provider or key-encryption key is
 * `rewrapDataKey` (cheap, nothing else changes). Rotating the data key itself would mean
 * re-encrypting every row and image; that is deliberately not done here. The cipher's version
 * byte and the `keyId` are where a second key would be told apart if it ever is.
 */
export const DATA_KEY_FILE = 'data-key.json'

const dataKeyFileSchema = z.object({
  format: z.literal(1),
  provider: z.string(),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  wrapped: z.base64(),
  createdAt: z.number().int(),
})
type DataKeyFile = z.infer<typeof dataKeyFileSchema>

export interface LoadedDataKey {
  readonly key: Buffer
  /** Identifies the key without revealing it; the database records it to detect a wrong key file. */
  readonly keyId: string
  readonly created: boolean
}

export class DataKeyError extends Error {
  override readonly name = 'DataKeyError'
}

export function keyIdOf(key: Buffer): string {
  return createHmac('sha256', key).update('kyc-desk/key-id').digest('hex').slice(0, 32)
}

export async function loadDataKey(options: {
  file: string
  provider: KeyProvider
  /** False once the database holds encrypted data: a fresh key would make all of it unreadable. */
  allowCreate: boolean
  now: () => number
}): Promise<LoadedDataKey> {
  const existing = await readKeyFile(options.file)
  if (existing) {
    let key: Buffer
    try {
      key = await options.provider.unwrap(Buffer.from(existing.wrapped, 'base64'))
    } catch (error) {
      const kind = options.provider.describe().kind
      throw new DataKeyError(
        `the data key (wrapped by ${existing.provider}) does not unwrap with the ${kind} key provider`,
        { cause: error },
      )
    }
    if (keyIdOf(key) !== existing.keyId) throw new DataKeyError('the unwrapped data key does not match its key id')
    return { key, keyId: existing.keyId, created: false }
  }
  if (!options.allowCreate) {
    throw new DataKeyError(`${options.file} is missing but the database holds encrypted data; restore the key file`)
  }
  const key = randomBytes(KEY_BYTES)
  const keyId = keyIdOf(key)
  const written = await writeKeyFile(options.file, key, options.provider, options.now(), true)
  // Lost a race with another process creating the key at the same moment: use theirs.
  if (!written) return loadDataKey({ ...options, allowCreate: false })
  return { key, keyId, created: true }
}

/** Re-wraps the same data key under another provider (e.g. key file to OS keychain). */
export async function rewrapDataKey(options: {
  file: string
  from: KeyProvider
  to: KeyProvider
  now: () => number
}): Promise<void> {
  const { key } = await loadDataKey({ file: options.file, provider: options.from, allowCreate: false, now: options.now })
  try {
    await writeKeyFile(options.file, key, options.to, options.now(), false)
  } finally {
    key.fill(0)
  }
}

/**
 * Stores an existing data key (a restored backup's) wrapped by this PC's provider, in a folder
 * that has no key file yet: the rows and images sealed under it open here unchanged.
 */
export async function storeDataKey(options: { file: string; key: Buffer; provider: KeyProvider; now: () => number }): Promise<void> {
  if (options.key.length !== KEY_BYTES) throw new DataKeyError('the data key must be 32 bytes')
  const written = await writeKeyFile(options.file, options.key, options.provider, options.now(), true)
  if (!written) throw new DataKeyError(`${options.file} already exists`)
}

async function writeKeyFile(file: string, key: Buffer, provider: KeyProvider, now: number, exclusive: boolean) {
  const content: DataKeyFile = {
    format: 1,
    provider: provider.describe().kind,
    keyId: keyIdOf(key),
    wrapped: (await provider.wrap(key)).toString('base64'),
    createdAt: now,
  }
  return writeFileAtomic(file, Buffer.from(`${JSON.stringify(content, null, 2)}\n`), { mode: 0o600, exclusive })
}

async function readKeyFile(file: string): Promise<DataKeyFile | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null
    throw error
  }
  const parsed = dataKeyFileSchema.safeParse(JSON.parse(text))
  if (!parsed.success) throw new DataKeyError(`${file} is not a kyc-desk data key file`)
  return parsed.data
}
