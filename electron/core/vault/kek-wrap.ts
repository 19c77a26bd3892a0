import { KEY_BYTES, open, seal } from './cipher'

/** Context for wrapping the data key under a key-encryption key held by this process. */
const WRAP_CONTEXT = 'kyc-desk/data-key'

/** Shared by the providers that hold a raw 32-byte key-encryption key (key file, environment). */
export function wrapUnderKek(kek: Buffer, dataKey: Buffer): Buffer {
  if (dataKey.length !== KEY_BYTES) throw new Error('the data key must be 32 bytes')
  return seal(kek, dataKey, WRAP_CONTEXT)
}

export function unwrapUnderKek(kek: Buffer, wrapped: Buffer): Buffer {
  const key = open(kek, wrapped, WRAP_CONTEXT)
  if (key.length !== KEY_BYTES) throw new Error('the unwrapped data key is not 32 bytes')
  return key
}
