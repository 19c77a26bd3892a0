import { z } from 'zod'
import { applicantStatusSchema } from '../domain/status'
import { applicantSummarySchema } from './applicants'

export const exportStatusReportRequestSchema = z
  .object({
    /** The applicants' status, or the audit trail (who did what, when). */
    kind: z.enum(['status-report', 'audit-log']).default('status-report'),
    /** Full names and document numbers in the file; off unless the operator ticks it. */
    includePersonalData: z.boolean().default(false),
    status: applicantStatusSchema.optional(),
  })
  .strict()

export const recordsChannels = {
  'applicants:export': {
    request: exportStatusReportRequestSchema,
    response: z.object({ saved: z.boolean(), fileName: z.string().nullable(), rows: z.number().int().nonnegative() }),
  },
  'retention:status': {
    request: z.object({}).strict(),
    response: z.object({
      /** Unverified applicants past the flag age: a person finishes or removes them before the purge. */
      stale: z.array(applicantSummarySchema),
      purgeVerifiedAfterDays: z.number().int(),
      flagStaleAfterDays: z.number().int(),
      purgeUnfinishedAfterDays: z.number().int(),
      lastRun: z.object({ at: z.number().int(), purged: z.number().int() }).nullable(),
    }),
  },
} as const
