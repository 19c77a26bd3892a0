import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { CIPHER_VERSION, DecryptionError, open, seal } from './cipher'

const key = randomBytes(32)
const plaintext = Buffer.from('{"documentNumber":"110101199003071234"}')

describe('AES-256-GCM envelope', () => {
  it('round-trips and lays out version, IV, ciphertext, tag', () => {
    const sealed = seal(key, plaintext, 'field:a:identity')
    expect(sealed[0]).toBe(CIPHER_VERSION)
    expect(sealed.length).toBe(1 + 12 + plaintext.length + 16)
    expect(open(key, sealed, 'field:a:identity')).toEqual(plaintext)
  })

  it('uses a fresh IV each time', () => {
    expect(seal(key, plaintext, 'c').equals(seal(key, plaintext, 'c'))).toBe(false)
  })

  it('fails with the wrong key', () => {
    const sealed = seal(key, plaintext, 'c')
    expect(() => open(randomBytes(32), sealed, 'c')).toThrow(DecryptionError)
  })

  it('fails in another context (a blob moved to another row or field)', () => {
    const sealed = seal(key, plaintext, 'field:applicant-1:identity')
    expect(() => open(key, sealed, 'field:applicant-2:identity')).toThrow(DecryptionError)
    expect(() => open(key, sealed, 'field:applicant-1:binding')).toThrow(DecryptionError)
  })

  it('fails on any flipped bit, a truncated blob or an unknown version', () => {
    const sealed = seal(key, plaintext, 'c')
    for (const index of [0, 5, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed)
      tampered[index] = (tampered[index] ?? 0) ^ 0x01
      expect(() => open(key, tampered, 'c')).toThrow(DecryptionError)
    }
    expect(() => open(key, sealed.subarray(0, 20), 'c')).toThrow(DecryptionError)
  })

  it('rejects keys that are not 32 bytes', () => {
    expect(() => seal(randomBytes(16), plaintext, 'c')).toThrow(/32 bytes/)
  })
})
