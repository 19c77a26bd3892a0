import { z } from 'zod'
import { errorReasonSchema } from './errors'

export const appInfoSchema = z.object({
  name: z.literal('kyc-desk'),
  version: z.string(),
  /** Training mode: the built-in sandbox stands in for the platform and OSS. */
  trainingMode: z.boolean(),
  /** How the data key is protected; `secure: false` means the operator must be warned, `warning` says why (a code). */
  keyProtection: z.object({ kind: z.string(), secure: z.boolean(), warning: errorReasonSchema.optional() }),
  platformHost: z.string(),
  /** The branch's time zone, resolved (the setting, or this computer's): every screen shows times in it. */
  timeZone: z.string(),
})
export type AppInfo = z.infer<typeof appInfoSchema>

export const appChannels = {
  'app:info': { request: z.object({}).strict(), response: appInfoSchema },
} as const
