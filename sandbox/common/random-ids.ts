import { randomBytes, randomInt } from 'node:crypto'

// Secrets and identifiers come from the CSPRNG: the sandbox runs in training rooms, and tokens
// that look real should be as unguessable as real ones.

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

export function randomBase62(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += BASE62[randomInt(BASE62.length)]
  return out
}

export function randomDigits(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String(randomInt(10))
  return out
}

/**
 * A 19-digit uid in [1e18, 9e18): always above 2^53 (so any client that turns it into a JS number
 * corrupts it visibly) and always below Java's Long.MAX_VALUE.
 */
export function randomUid(): string {
  return String(1 + randomInt(8)) + randomDigits(18)
}

export function randomUserToken(): string {
  return randomBytes(24).toString('base64url')
}

/** OSS request ids are 24 upper-case hex characters. */
export function randomRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase()
}
