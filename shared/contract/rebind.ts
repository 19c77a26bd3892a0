import { z } from 'zod'
import { applicantStatusSchema } from '../domain/status'
import { applicantIdSchema } from './applicants'

/** An applicant waiting in `needs-new-qr` for the account just scanned at the capture screen. */
export const waitingApplicantSchema = z.object({
  id: applicantIdSchema,
  reference: z.string(),
  /** Masked display label (`王* ····1234`), never the identity. */
  label: z.string().nullable(),
})
export type WaitingApplicant = z.infer<typeof waitingApplicantSchema>

/**
 * Re-binding at the capture screen: the customer whose token expired came back and their new
 * account QR was scanned into a fresh draft. The draft's binding goes to the waiting applicant
 * instead (the capture screen then discards the draft if nothing else was captured into it).
 */
export const rebindChannels = {
  /** Applicants in `needs-new-qr` on the account bound to this draft. */
  'capture:waiting-for-qr': {
    request: z.object({ draftId: applicantIdSchema }).strict(),
    response: z.object({ items: z.array(waitingApplicantSchema) }),
  },
  'capture:rebind': {
    request: z.object({ draftId: applicantIdSchema, applicantId: applicantIdSchema }).strict(),
    response: z.object({ status: applicantStatusSchema, reference: z.string() }),
  },
} as const
