import { z } from 'zod'
import type { StepName } from '../../../shared/domain/steps'

/**
 * What a finished step leaves behind for later steps, per step. Always stored encrypted: an
 * object key embeds the uid, and a verify token is a credential. Steps absent from the map store
 * nothing (STS credentials in particular never reach the disk).
 */
const uploadData = z.object({ objectKey: z.string().min(1).max(1024) })
const livenessTokenData = z.object({
  verifyToken: z.string().min(1).max(4096),
  verifyUrl: z.string().max(4096).nullable(),
  /** Epoch ms after which the token is useless and the liveness steps are reset. */
  expiresAt: z.number().int(),
})

export const stepDataSchemas = {
  'upload:front': uploadData,
  'upload:back': uploadData,
  'upload:hand': uploadData,
  'liveness:token': livenessTokenData,
} as const satisfies Partial<Record<StepName, z.ZodType>>

type StepsWithData = keyof typeof stepDataSchemas
export type StepDataFor<N extends StepName> = N extends StepsWithData ? z.output<(typeof stepDataSchemas)[N]> : never

export function stepDataSchemaFor(name: StepName): z.ZodType | undefined {
  return name in stepDataSchemas ? stepDataSchemas[name as StepsWithData] : undefined
}

/** The field name a step's data is sealed under (part of its AAD). */
export function stepDataField(name: StepName): string {
  return `step:${name}`
}
