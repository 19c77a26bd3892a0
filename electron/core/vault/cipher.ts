import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

/**
 * AES-256-GCM envelope shared by fields, image files and the wrapped data key:
 *
 *   [version: 1 byte][iv: 12 bytes][ciphertext][tag: 16 bytes]
 *
 * The version byte lets a later format (another cipher, a key id) coexist with old rows. The
 * caller's context string is the additional authenticated data, so a ciphertext only opens in the
 * place it was written for (an identity blob copied onto another applicant's row fails to open).
 */
export const CIPHER_VERSION = 0x01
export const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const HEADER_BYTES = 1 + IV_BYTES

export class DecryptionError extends Error {
  override readonly name = 'DecryptionError'
}

function aadFor(version: number, context: string): Buffer {
  // The version is authenticated too, so nobody can relabel a blob as another format.
  return Buffer.concat([Buffer.from([version]), Buffer.from(context, 'utf8')])
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`an AES-256 key is ${KEY_BYTES} bytes, got ${key.length}`)
}

export function seal(key: Buffer, plaintext: Buffer, context: string): Buffer {
  checkKey(key)
  // A fresh random IV per message: with one data key we stay far below GCM's 2^32 message bound.
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(aadFor(CIPHER_VERSION, context))
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()])
  return Buffer.concat([Buffer.from([CIPHER_VERSION]), iv, body, cipher.getAuthTag()])
}

export function open(key: Buffer, sealed: Buffer, context: string): Buffer {
  checkKey(key)
  if (sealed.length < HEADER_BYTES + TAG_BYTES) throw new DecryptionError('ciphertext is truncated')
  const version = sealed[0]
  if (version !== CIPHER_VERSION) throw new DecryptionError(`unknown ciphertext version ${String(version)}`)
  const iv = sealed.subarray(1, HEADER_BYTES)
  const tag = sealed.subarray(sealed.length - TAG_BYTES)
  const body = sealed.subarray(HEADER_BYTES, sealed.length - TAG_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  decipher.setAAD(aadFor(version, context))
  decipher.setAuthTag(tag)
  try {
    const plaintext = decipher.update(body)
    const rest = decipher.final()
    // GCM is a stream mode: update() returns every byte and final() only checks the tag, so the
    // usual concat would copy each image once more for nothing (and feed the garbage collector).
    return rest.length === 0 ? plaintext : Buffer.concat([plaintext, rest])
  } catch {
    // Wrong key, wrong context or tampered bytes all look the same from here, on purpose.
    throw new DecryptionError('ciphertext does not open with this key and context')
  }
}
