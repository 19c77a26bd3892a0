import { z } from 'zod'
import { imageSlotSchema } from '../domain/images'
import { applicantStatusSchema } from '../domain/status'
import { stepNameSchema } from '../domain/steps'
import { applicantIdSchema } from './applicants'
import { errorReasonSchema } from './errors'
import { base64Schema } from './intake'

/**
 * One image of a queued, waiting or refused applicant replaced from the detail view. The new file
 * passes the same quality gate as at capture: with findings it is refused unless `overrideReason`
 * says why it is kept (audited). Only that image's upload and submission steps run again.
 */
export const replaceImageRequestSchema = z
  .object({
    id: applicantIdSchema,
    slot: imageSlotSchema,
    data: base64Schema,
    overrideReason: z.string().trim().min(1).max(500).nullable().default(null),
  })
  .strict()

/** A finding as shared/i18n/image-check words it: the verdict with what to do, and the measurement. */
const finding = z.object({ code: z.string().max(40), reason: errorReasonSchema, detail: errorReasonSchema.nullable() })

export const replaceImageResponseSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('replaced'), status: applicantStatusSchema, resetSteps: z.array(stepNameSchema) }),
  /** The file never became an image (not an image, HEIC, truncated ...). */
  z.object({ outcome: z.literal('unreadable'), finding }),
  /** The quality gate's findings: replace again, or keep it with a reason. */
  z.object({ outcome: z.literal('quality'), findings: z.array(finding) }),
])
export type ReplaceImageResponse = z.infer<typeof replaceImageResponseSchema>

export const applicantImageChannels = {
  'applicants:replace-image': { request: replaceImageRequestSchema, response: replaceImageResponseSchema },
} as const
