import { z } from 'zod'
import { documentTypeSchema } from '../domain/identity'
import { imageSlotSchema } from '../domain/images'
import { applicantStatusSchema, applicantStatuses } from '../domain/status'
import { stepErrorSchema, stepNameSchema, stepSnapshotSchema, stepStateSchema } from '../domain/steps'

export const applicantIdSchema = z.string().regex(/^[0-9a-z-]{8,64}$/i, 'not an applicant id')

/** What a dashboard row needs: no decrypted personal data, only the masked display label. */
export const applicantSummarySchema = z.object({
  id: applicantIdSchema,
  /** Short human reference printed on slips and used in scanner file names. */
  reference: z.string(),
  /** Masked display label, e.g. `王* ····1234`; null before identity is entered and after a purge. */
  label: z.string().nullable(),
  documentType: documentTypeSchema.nullable(),
  country: z.string().nullable(),
  status: applicantStatusSchema,
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  operatorName: z.string().nullable(),
  /** Captured in training mode (for the sandbox): shown with a badge, never sent to a live platform. */
  training: z.boolean(),
  /** When the customer's account QR was scanned (capture or re-bind); null without one. */
  bindingAt: z.number().int().nullable(),
  steps: z.array(stepSnapshotSchema),
  lastError: stepErrorSchema.nullable(),
})
export type ApplicantSummary = z.infer<typeof applicantSummarySchema>

export const listApplicantsRequestSchema = z
  .object({
    status: applicantStatusSchema.optional(),
    search: z.string().max(100).optional(),
    /** Only applicants captured in training mode (to review or remove them). */
    trainingOnly: z.boolean().optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(20_000).default(200),
  })
  .strict()

export const listApplicantsResponseSchema = z.object({
  total: z.number().int().nonnegative(),
  items: z.array(applicantSummarySchema),
})

export const statusCountsSchema = z.object(
  Object.fromEntries(applicantStatuses.map((s) => [s, z.number().int().nonnegative()])) as Record<
    (typeof applicantStatuses)[number],
    z.ZodNumber
  >,
)
export type StatusCounts = z.infer<typeof statusCountsSchema>

export const applicantImageInfoSchema = z.object({
  slot: imageSlotSchema,
  width: z.number().int(),
  height: z.number().int(),
  bytes: z.number().int(),
})

export const applicantDetailSchema = applicantSummarySchema.extend({
  images: z.array(applicantImageInfoSchema),
})
export type ApplicantDetail = z.infer<typeof applicantDetailSchema>

/** A step changed: small enough to stream for a thousand applicants syncing at once. */
export const stepChangeSchema = z.object({
  applicantId: applicantIdSchema,
  step: stepNameSchema,
  state: stepStateSchema,
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.number().int().nullable(),
  updatedAt: z.number().int(),
  error: stepErrorSchema.nullable(),
  status: applicantStatusSchema,
})
export type StepChange = z.infer<typeof stepChangeSchema>

const applicantIdsSchema = z.array(applicantIdSchema).min(1).max(20_000)

/** Sync, retry, remove: the operator's actions on one or many applicants. */
export const retryRequestSchema = z.union([
  z.object({ ids: applicantIdsSchema }).strict(),
  z.object({ target: z.literal('all-needs-attention') }).strict(),
])

export const removeResponseSchema = z.object({
  removed: z.array(applicantIdSchema),
  /** `reached-platform`: a step other than sts was attempted, so it may have landed; `running`: a step is in flight. */
  refused: z.array(z.object({ id: applicantIdSchema, reason: z.enum(['not-found', 'reached-platform', 'running']) })),
})

/** One entry of the applicant's event log: names, codes and counts, never personal data. */
export const timelineEventSchema = z.object({
  id: z.number().int(),
  at: z.number().int(),
  type: z.string(),
  operatorName: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())])),
})
export type TimelineEvent = z.infer<typeof timelineEventSchema>

export const thumbnailSchema = z.object({
  slot: imageSlotSchema,
  /** A small JPEG as a data: URL (the CSP allows data: images). */
  dataUrl: z.string().startsWith('data:image/jpeg;base64,'),
  width: z.number().int(),
  height: z.number().int(),
})

export const applicantChannels = {
  'applicants:list': { request: listApplicantsRequestSchema, response: listApplicantsResponseSchema },
  'applicants:counts': { request: z.object({}).strict(), response: statusCountsSchema },
  /** How many applicants not yet submitted hold an account QR older than the warning age (settings). */
  'applicants:old-bindings': {
    request: z.object({}).strict(),
    response: z.object({ count: z.number().int().nonnegative(), warnAfterHours: z.number().int().positive() }),
  },
  'applicants:get': { request: z.object({ id: applicantIdSchema }).strict(), response: applicantDetailSchema },
  /** Dashboard rows for applicants the dashboard heard of in a step event but has not loaded. */
  'applicants:summaries': {
    request: z.object({ ids: z.array(applicantIdSchema).min(1).max(500) }).strict(),
    response: z.object({ items: z.array(applicantSummarySchema) }),
  },
  /** These applicants go next, backoff ignored; starts the engine if it was paused. */
  'applicants:sync': { request: z.object({ ids: applicantIdsSchema }).strict(), response: z.object({ accepted: z.number().int() }) },
  /** Failed steps back to pending after the operator fixed the cause. */
  'applicants:retry': { request: retryRequestSchema, response: z.object({ retried: z.number().int() }) },
  /** Only applicants that never reached the platform can be removed. */
  'applicants:remove': { request: z.object({ ids: applicantIdsSchema }).strict(), response: removeResponseSchema },
  'applicants:timeline': {
    request: z.object({ id: applicantIdSchema }).strict(),
    response: z.object({ events: z.array(timelineEventSchema) }),
  },
  'applicants:thumbnail': {
    /** `view`: large enough to check the image zoomed in the viewer; the default is a thumbnail. */
    request: z.object({ id: applicantIdSchema, slot: imageSlotSchema, size: z.enum(['thumbnail', 'view']).optional() }).strict(),
    response: thumbnailSchema,
  },
} as const

export const applicantEvents = {
  /** Batched: one message carries every change of a short window. */
  'steps:changed': z.object({ changes: z.array(stepChangeSchema) }),
} as const
