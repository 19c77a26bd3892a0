import { z } from 'zod'

const rate = z.number().min(0).max(1)

/**
 * One rule of a fault profile. `pathPattern` is matched against the whole path: the URL path on
 * the API server (`/user/getsts`), the canonical `/<bucket>/<key>` on the OSS endpoint whatever
 * the addressing style. `*` matches any run of characters, `/` included.
 */
export const faultRuleSchema = z
  .object({
    target: z.enum(['api', 'oss', 'both']).default('both'),
    pathPattern: z.string().min(1).max(512).default('*'),
    method: z
      .string()
      .regex(/^[A-Za-z]{1,16}$/)
      .transform((value) => value.toUpperCase())
      .optional(),
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    errorRate: rate.default(0),
    dropRate: rate.default(0),
    dropMidUploadRate: rate.default(0),
  })
  .strict()
  .refine((rule) => rule.errorRate + rule.dropRate + rule.dropMidUploadRate <= 1, {
    message: 'errorRate + dropRate + dropMidUploadRate must not exceed 1',
  })
export type FaultRule = z.infer<typeof faultRuleSchema>

export const faultProfileSchema = z
  .object({
    /** Seeds the random draws, so the same requests in the same order meet the same faults. */
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    rules: z.array(faultRuleSchema).min(1).max(50),
  })
  .strict()
export type FaultProfile = z.infer<typeof faultProfileSchema>

export type FaultTarget = 'api' | 'oss'

/** `*` is the only wildcard; everything else matches literally. */
export function patternToRegExp(pattern: string): RegExp {
  const literal = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  return new RegExp(`^${literal}$`)
}
