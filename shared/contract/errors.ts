import { z } from 'zod'
import { issueSchema } from '../identity/issues'

/**
 * Every failure that crosses the IPC boundary is one of these codes with a reason the screen
 * words in the operator's language. Stacks and internal details stay in main's (redacted) log.
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

/** What exactly went wrong, as a message key with its values (shared/i18n/reasons.ts): the screen words it in the operator's language. */
export const errorReasonSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
})
export type ErrorReason = z.infer<typeof errorReasonSchema>

/**
 * A field-level problem: `reason` is what the screen words; `message` is English, for the log.
 * Identity rule issues carry the issue itself (`identity`: code and params), which the form words
 * as it words its own check (shared/identity).
 */
export const fieldIssueSchema = z.object({
  field: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  reason: errorReasonSchema.optional(),
  identity: issueSchema.optional(),
})
export type FieldIssue = z.infer<typeof fieldIssueSchema>

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
  reason: errorReasonSchema.optional(),
})
export type IpcError = z.infer<typeof ipcErrorSchema>

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }
