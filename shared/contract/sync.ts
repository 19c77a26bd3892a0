import { z } from 'zod'
import { stepNameSchema } from '../domain/steps'
import { applicantIdSchema, statusCountsSchema } from './applicants'

/** The most recent step that failed or is waiting, as the engine saw it (message already redacted). */
export const syncLastErrorSchema = z.object({
  applicantId: applicantIdSchema,
  step: stepNameSchema,
  code: z.string(),
  message: z.string(),
  at: z.number().int(),
})

/** What the sync bar shows: the engine's state and the counts per status it is working through. */
export const syncStateSchema = z.object({
  /** Started and not stopped (it may still be paused or offline). */
  running: z.boolean(),
  /** Paused by the operator, by a full disk, or stopped by a refused disk sync. */
  paused: z.boolean(),
  /** Paused because the disk is full; sync goes on by itself once there is space. */
  diskFull: z.boolean(),
  /** False while the platform is unreachable. */
  online: z.boolean(),
  /** Applicants being worked on right now. */
  inFlight: z.number().int().nonnegative(),
  /** Applicants with submission work left. */
  queued: z.number().int().nonnegative(),
  lastError: syncLastErrorSchema.nullable(),
  counts: statusCountsSchema,
  /**
   * This batch, for the bar: `done` were queued today (the branch's day) and the platform holds
   * them now; `left` still have submission work, from whichever day. Both 0: nothing to do.
   */
  today: z.object({ done: z.number().int().nonnegative(), left: z.number().int().nonnegative() }),
})
export type SyncState = z.infer<typeof syncStateSchema>

const empty = z.object({}).strict()

export const syncChannels = {
  'sync:state': { request: empty, response: syncStateSchema },
  /** Start or resume and sync everything due now (probing at once if offline). */
  'sync:all': { request: empty, response: syncStateSchema },
  'sync:pause': { request: empty, response: syncStateSchema },
  'sync:resume': { request: empty, response: syncStateSchema },
} as const

export const syncEvents = {
  /** Sent when the engine's state or the counts per status change. */
  'sync:state': syncStateSchema,
} as const
