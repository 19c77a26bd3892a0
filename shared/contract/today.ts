import { z } from 'zod'
import { imageFindingCodeSchema } from '../domain/image-findings'
import { applicantStatusSchema } from '../domain/status'
import { stepNameSchema } from '../domain/steps'

const count = z.number().int().nonnegative()

/** Durations of one kind today, in milliseconds; null while nothing got that far today. */
export const durationFiguresSchema = z
  .object({ count: count.min(1), medianMs: z.number().int().nonnegative(), p90Ms: z.number().int().nonnegative() })
  .nullable()
export type DurationFigures = z.infer<typeof durationFiguresSchema>

/**
 * Today at a glance, for the branch manager: counts, durations and codes only, never a name, a
 * document number or an image. "Today" is the branch's day (the time zone setting).
 */
export const todayGlanceSchema = z.object({
  /** The branch's midnight that starts today, and the next one. */
  dayStart: z.number().int(),
  dayEnd: z.number().int(),
  timeZone: z.string(),
  /** Applicants captured today, by their status now. */
  byStatus: z.record(applicantStatusSchema, count),
  captured: count,
  /** Applicants the platform first accepted in full today (reconciled), and those verified today. */
  submitted: count,
  verified: count,
  captureToSubmitted: durationFiguresSchema,
  captureToVerified: durationFiguresSchema,
  /** Of today's submitted, how many got there without any refusal on the way. */
  firstPass: count,
  /** Today's refusals by the step and the code they came with, most frequent first (at most 5). */
  refusals: z.array(z.object({ step: stepNameSchema, code: z.string().max(64), count: count.min(1) })).max(5),
  /** Today's image quality findings by code, most frequent first. */
  imageFindings: z.array(z.object({ code: imageFindingCodeSchema, count: count.min(1) })).max(7),
  /** Per hour of the branch's day (0 to 23): captured, and first submitted. */
  hourly: z.object({ captured: z.array(count).length(24), submitted: z.array(count).length(24) }),
})
export type TodayGlance = z.infer<typeof todayGlanceSchema>

export const todayChannels = {
  'reports:today': { request: z.object({}).strict(), response: todayGlanceSchema },
} as const
