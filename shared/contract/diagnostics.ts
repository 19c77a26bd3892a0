import { z } from 'zod'

/** A warning or error from main's log, already redacted; `details` is its JSON, shortened. */
export const logEntrySchema = z.object({
  time: z.string(),
  level: z.enum(['debug', 'info', 'warn', 'error']),
  event: z.string(),
  details: z.string(),
})
export type LogEntry = z.infer<typeof logEntrySchema>

/** One platform request: path, outcome and code only (never the body, a token or a secret). */
export const platformCallSchema = z.object({
  at: z.number().int(),
  path: z.string(),
  /** `waiting`: the face check is not done yet (the liveness poll), not a refusal. */
  outcome: z.enum(['ok', 'refused', 'transient', 'waiting']),
  code: z.string(),
  ms: z.number().int().nonnegative(),
})
export type PlatformCall = z.infer<typeof platformCallSchema>

export const diagnosticsSchema = z.object({
  entries: z.array(logEntrySchema),
  calls: z.array(platformCallSchema),
})
export type Diagnostics = z.infer<typeof diagnosticsSchema>

export const exportFormats = ['jsonl', 'csv'] as const

export const diagnosticsChannels = {
  'diagnostics:recent': { request: z.object({}).strict(), response: diagnosticsSchema },
  /** Asks where to save (a save dialog) and writes the redacted log there. */
  'diagnostics:export': {
    request: z.object({ format: z.enum(exportFormats) }).strict(),
    response: z.object({
      saved: z.boolean(),
      /** Where the operator chose to save it; null when the dialog was cancelled. */
      path: z.string().nullable(),
      records: z.number().int().nonnegative(),
    }),
  },
} as const
