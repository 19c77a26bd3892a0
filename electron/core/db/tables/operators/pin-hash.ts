import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'

/**
 * How a stored hash was made. `peppered`: scrypt over an HMAC of the PIN under the data key, so a
 * copied database alone cannot be tested against the million six-digit PINs. `plain`: scrypt of
 * the PIN (before the pepper); `wrapped`: a plain hash sealed with an HMAC under the data key at
 * upgrade, until its operator's next sign-in rehashes it as `peppered`.
 */
export const pinSchemes = ['plain', 'wrapped', 'peppered'] as const
export type PinScheme = (typeof pinSchemes)[number]

export const scryptParamsSchema = z.object({
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  keylen: z.number().int().positive(),
  scheme: z.enum(pinSchemes).default('plain'),
})
export type ScryptParams = z.infer<typeof scryptParamsSchema>

/** HMACs under the data key, one label per use, so a pepper can never stand in for a wrap. */
export interface PinKeys {
  mac(label: 'pin-pepper' | 'pin-wrap', data: Buffer): Buffer
}

/**
 * Stored with each hash so the cost can be raised later without invalidating existing PINs. A
 * six-digit PIN stays guessable offline with the data key; without it the pepper stops the guess.
 */
export const defaultScryptParams: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 32, scheme: 'peppered' }

function derive(secret: Buffer, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 }
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, params.keylen, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

const pinBytes = (pin: string) => Buffer.from(pin.normalize('NFKC'), 'utf8')

export async function hashPin(pin: string, keys: PinKeys, params: ScryptParams = defaultScryptParams) {
  const salt = randomBytes(16)
  const peppered = { ...params, scheme: 'peppered' as const }
  return { hash: await derive(keys.mac('pin-pepper', pinBytes(pin)), salt, peppered), salt, params: peppered }
}

/** The legacy hash sealed under the data key: computed at upgrade without knowing the PIN. */
export function wrapPlainHash(hash: Buffer, keys: PinKeys): Buffer {
  return keys.mac('pin-wrap', hash)
}

export async function verifyPin(pin: string, stored: { hash: Buffer; salt: Buffer; params: ScryptParams }, keys: PinKeys): Promise<boolean> {
  const candidate =
    stored.params.scheme === 'peppered'
      ? await derive(keys.mac('pin-pepper', pinBytes(pin)), stored.salt, stored.params)
      : await derive(pinBytes(pin), stored.salt, stored.params)
  const compared = stored.params.scheme === 'wrapped' ? wrapPlainHash(candidate, keys) : candidate
  return compared.length === stored.hash.length && timingSafeEqual(compared, stored.hash)
}
