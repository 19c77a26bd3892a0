import { z } from 'zod'
import { accountBindingSchema, identityDataSchema } from '../domain/identity'
import { applicantStatusSchema } from '../domain/status'
import { stepNameSchema } from '../domain/steps'
import { identityDraftSchema } from '../identity/draft'
import { applicantIdSchema } from './applicants'
import { fieldIssueSchema } from './errors'

/**
 * The identity for the detail view's edit form, fetched into the form's local state only. The
 * document number comes masked (`••••1234`) unless the operator explicitly asked to reveal it,
 * and then only in this one answer.
 */
export const identityForEditSchema = z.object({
  identity: identityDataSchema.nullable(),
  documentNumberMasked: z.boolean(),
  /** Editing is allowed until the applicant is verified (or its data was purged). */
  editable: z.boolean(),
  status: applicantStatusSchema,
  /** The platform account's uid, masked; the token never leaves main. */
  uidMasked: z.string().nullable(),
})
export type IdentityForEdit = z.infer<typeof identityForEditSchema>

/**
 * An edit from the detail view. `documentNumber` left empty keeps the stored number (the form
 * only ever held it masked). A new account binding replaces the old one (typed or scanned).
 * Warnings (not errors) from the identity rules must be acknowledged to save.
 */
export const updateApplicantRequestSchema = z
  .object({
    id: applicantIdSchema,
    identity: identityDraftSchema.omit({ mrz: true }).optional(),
    binding: accountBindingSchema.optional(),
    acknowledgeWarnings: z.boolean().default(false),
  })
  .strict()

export const updateApplicantResponseSchema = z.object({
  status: applicantStatusSchema,
  /** The steps the edit sent back to pending (only those it affects). */
  resetSteps: z.array(stepNameSchema),
  /** Failed steps that still need a retry (an edit does not retry by itself). */
  failedSteps: z.array(stepNameSchema),
  warnings: z.array(fieldIssueSchema),
})

/** The platform's record beside what was sent, field by field (document number and images masked). */
export const platformRecordSchema = z.object({
  fetchedAt: z.number().int(),
  rows: z.array(
    z.object({
      field: z.enum(['country', 'surname', 'givenName', 'documentNumber', 'birthday', 'gender', 'chineseMainland', 'issueDate', 'validity', 'front', 'back', 'hand']),
      sent: z.string().nullable(),
      echoed: z.string().nullable(),
      match: z.boolean(),
    }),
  ),
})
export type PlatformRecord = z.infer<typeof platformRecordSchema>

const byId = z.object({ id: applicantIdSchema }).strict()

export const applicantEditChannels = {
  'applicants:identity-for-edit': {
    request: z.object({ id: applicantIdSchema, revealDocumentNumber: z.boolean().default(false) }).strict(),
    response: identityForEditSchema,
  },
  'applicants:update': { request: updateApplicantRequestSchema, response: updateApplicantResponseSchema },
  /** Reads the platform's record now (authinfoNew) and compares it with what was sent. */
  'applicants:platform-record': { request: byId, response: platformRecordSchema },
} as const
