import { z } from 'zod'

// Bodies and parameters of the admin API. uid follows the platform's rule (a Java Long as digits).

export const uidString = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/, 'uid must be 1 to 19 digits with no leading zero')
  // zod runs this even when the regex failed, so it must not assume digits.
  .refine((uid) => !/^\d+$/.test(uid) || BigInt(uid) <= 9223372036854775807n, 'uid must not exceed 9223372036854775807')

export const createUserBody = z
  .object({
    uid: z.union([uidString, z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(String)]).optional(),
    token: z.string().min(1).max(512).optional(),
  })
  .strict()

export const uidParams = z.object({ uid: uidString })

export const objectsQuery = z.object({ prefix: z.string().max(1024).default('') })

export const livenessParams = z.object({ verifyToken: z.string().min(1).max(64) })
export const livenessBody = z.object({ result: z.enum(['pass', 'fail']) }).strict()
