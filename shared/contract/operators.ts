import { z } from 'zod'

export const operatorSchema = z.object({ id: z.string(), name: z.string() })

export const operatorStatusSchema = z.object({
  /** No operator exists yet: the first-run screen creates one. */
  setupRequired: z.boolean(),
  signedIn: operatorSchema.nullable(),
  operators: z.array(operatorSchema),
  lockAfterIdleMinutes: z.number().int(),
})
export type OperatorStatus = z.infer<typeof operatorStatusSchema>

const pinSchema = z.string().min(1).max(32)

export const operatorChannels = {
  'operators:status': { request: z.object({}).strict(), response: operatorStatusSchema },
  'operators:create': {
    request: z.object({ name: z.string().trim().min(1).max(40), pin: pinSchema }).strict(),
    response: operatorStatusSchema,
  },
  'operators:sign-in': { request: z.object({ operatorId: z.string().min(1), pin: pinSchema }).strict(), response: operatorStatusSchema },
  'operators:sign-out': { request: z.object({}).strict(), response: operatorStatusSchema },
  /** The operator is at the keyboard: postpones the idle lock. */
  'operators:heartbeat': { request: z.object({}).strict(), response: z.object({ locksAt: z.number().int().nullable() }) },
} as const

export const operatorEvents = {
  /** The session locked itself (idle) or was signed out: the renderer shows the sign-in screen. */
  'operators:locked': z.object({ reason: z.enum(['idle', 'signed-out']) }),
} as const
