import { z } from 'zod'

/**
 * Every failure that crosses the IPC boundary is one of these codes with a message meant for an
 * operator. Stacks and internal details stay in main's (redacted) log.
 */
export const ipcErrorCodes = [
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'INVALID_REQUEST',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  /** Signed in, but this operator's role (or a PIN still to change) does not allow it. */
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
] as const
export const ipcErrorCodeSchema = z.enum(ipcErrorCodes)
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>

/** A field-level problem, already worded for the operator. */
export const fieldIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
})
export type FieldIssue = z.infer<typeof fieldIssueSchema>

/** What exactly went wrong, as a message key with its values: the screen words it in the operator's language. */
export const errorReasonSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type ErrorReason = z.infer<typeof errorReasonSchema>

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
  reason: errorReasonSchema.optional(),
})
export type IpcError = z.infer<typeof ipcErrorSchema>

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }
