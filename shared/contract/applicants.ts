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
  steps: z.array(stepSnapshotSchema),
  lastError: stepErrorSchema.nullable(),
})
export type ApplicantSummary = z.infer<typeof applicantSummarySchema>

export const listApplicantsRequestSchema = z
  .object({
    status: applicantStatusSchema.optional(),
    search: z.string().max(100).optional(),
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

export const applicantChannels = {
  'applicants:list': { request: listApplicantsRequestSchema, response: listApplicantsResponseSchema },
  'applicants:counts': { request: z.object({}).strict(), response: statusCountsSchema },
  'applicants:get': { request: z.object({ id: applicantIdSchema }).strict(), response: applicantDetailSchema },
} as const

export const applicantEvents = {
  /** Batched: one message carries every change of a short window. */
  'steps:changed': z.object({ changes: z.array(stepChangeSchema) }),
} as const
