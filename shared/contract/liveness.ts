import { z } from 'zod'
import { applicantStatusSchema } from '../domain/status'
import { applicantIdSchema } from './applicants'

const byId = z.object({ id: applicantIdSchema }).strict()

/**
 * Where an applicant's real-person verification stands. `verifyUrl` is the page the customer
 * opens (as a QR code on their phone, or in a window at the counter); it is shown, never stored
 * in the renderer's stores.
 */
export const livenessSessionSchema = z.object({
  status: applicantStatusSchema,
  phase: z.enum(['not-available', 'not-started', 'requesting', 'waiting', 'verified', 'failed']),
  verifyUrl: z.string().nullable(),
  /** When the verify link stops working (the engine withdraws it then, and re-issue is offered). */
  expiresAt: z.number().int().nullable(),
})
export type LivenessSession = z.infer<typeof livenessSessionSchema>

export const livenessChannels = {
  /** Starts real-person verification, or issues a new link when the last one expired or failed. */
  'liveness:start': { request: byId, response: livenessSessionSchema },
  'liveness:session': { request: byId, response: livenessSessionSchema },
  /** Asks the platform for the result now instead of at the next poll. */
  'liveness:check': { request: byId, response: livenessSessionSchema },
  /** Opens the verify page in a separate window at the counter (camera allowed for its origin only). */
  'liveness:open-window': { request: byId, response: z.object({ opened: z.boolean() }) },
} as const
