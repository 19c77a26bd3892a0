import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { z } from 'zod'

export const scryptParamsSchema = z.object({
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  keylen: z.number().int().positive(),
})
export type ScryptParams = z.infer<typeof scryptParamsSchema>

/**
 * Stored with each hash so the cost can be raised later without invalidating existing PINs.
 * A 4-6 digit PIN stays guessable offline whatever the cost; what protects it in practice is the
 * sign-in's attempt limit and the database being unreadable to other accounts.
 */
export const defaultScryptParams: ScryptParams = { N: 2 ** 15, r: 8, p: 1, keylen: 32 }

function derive(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 }
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, params.keylen, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPin(pin: string, params: ScryptParams = defaultScryptParams) {
  const salt = randomBytes(16)
  return { hash: await derive(pin, salt, params), salt, params }
}

export async function verifyPin(pin: string, stored: { hash: Buffer; salt: Buffer; params: ScryptParams }) {
  const candidate = await derive(pin, stored.salt, stored.params)
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash)
}
