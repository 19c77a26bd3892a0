import { z } from 'zod'
import { operatorRoles, pinStates, uiLanguages } from '../domain/operators'

export const operatorRoleSchema = z.enum(operatorRoles)

/** What the sign-in screen lists: active operators only. */
export const operatorSchema = z.object({ id: z.string(), name: z.string() })

export const signedInOperatorSchema = operatorSchema.extend({
  role: operatorRoleSchema,
  /** Signed in with a temporary PIN: the app shows only the PIN change until it is done. */
  mustChangePin: z.boolean(),
  /** Their own interface language, applied at sign-in; null: the machine's (settings.language). */
  language: z.enum(uiLanguages).nullable(),
})
export type SignedInOperator = z.infer<typeof signedInOperatorSchema>

export const operatorStatusSchema = z.object({
  /** No operator exists yet: the first-run screen creates one. */
  setupRequired: z.boolean(),
  signedIn: signedInOperatorSchema.nullable(),
  operators: z.array(operatorSchema),
  lockAfterIdleMinutes: z.number().int(),
})
export type OperatorStatus = z.infer<typeof operatorStatusSchema>

/** An operator as the admin's Operators screen shows them. */
export const operatorRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: operatorRoleSchema,
  pinState: z.enum(pinStates),
  createdAt: z.number().int(),
  disabledAt: z.number().int().nullable(),
})
export type OperatorRecord = z.infer<typeof operatorRecordSchema>

const pinSchema = z.string().min(1).max(32)
const operatorIdSchema = z.string().min(1).max(64)
const nameSchema = z.string().trim().min(1).max(40)
/** The temporary PIN is shown to the admin once, to read out; it is never stored in clear. */
const withTemporaryPin = z.object({ operator: operatorRecordSchema, temporaryPin: z.string().regex(/^\d{6,12}$/) })

export const operatorChannels = {
  'operators:status': { request: z.object({}).strict(), response: operatorStatusSchema },
  /** First run only: the first operator, an admin. */
  'operators:create': { request: z.object({ name: nameSchema, pin: pinSchema }).strict(), response: operatorStatusSchema },
  'operators:sign-in': { request: z.object({ operatorId: operatorIdSchema, pin: pinSchema }).strict(), response: operatorStatusSchema },
  'operators:sign-out': { request: z.object({}).strict(), response: operatorStatusSchema },
  /** The operator is at the keyboard: postpones the idle lock. */
  'operators:heartbeat': { request: z.object({}).strict(), response: z.object({ locksAt: z.number().int().nullable() }) },
  /** The signed-in operator's own PIN (also how a temporary PIN is replaced). */
  'operators:change-pin': { request: z.object({ currentPin: pinSchema, newPin: pinSchema }).strict(), response: operatorStatusSchema },
  /** Everyone's own interface language, kept with the operator (not the machine's setting). */
  'operators:set-language': { request: z.object({ language: z.enum(uiLanguages) }).strict(), response: operatorStatusSchema },
  // Admin only from here.
  'operators:list': { request: z.object({}).strict(), response: z.object({ operators: z.array(operatorRecordSchema) }) },
  'operators:add': { request: z.object({ name: nameSchema, role: operatorRoleSchema }).strict(), response: withTemporaryPin },
  'operators:disable': { request: z.object({ operatorId: operatorIdSchema }).strict(), response: operatorRecordSchema },
  'operators:enable': { request: z.object({ operatorId: operatorIdSchema }).strict(), response: operatorRecordSchema },
  'operators:reset-pin': { request: z.object({ operatorId: operatorIdSchema }).strict(), response: withTemporaryPin },
  'operators:set-role': { request: z.object({ operatorId: operatorIdSchema, role: operatorRoleSchema }).strict(), response: operatorRecordSchema },
} as const

export const operatorEvents = {
  /** The session locked itself (idle), was signed out, or its operator was disabled: the renderer shows the sign-in screen. */
  'operators:locked': z.object({ reason: z.enum(['idle', 'signed-out', 'disabled']) }),
} as const
