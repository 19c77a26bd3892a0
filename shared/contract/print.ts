import { z } from 'zod'
import { documentTypeSchema } from '../domain/identity'
import { printDocuments, printOutputs } from '../domain/receipt'
import { applicantStatusSchema } from '../domain/status'
import { applicantIdSchema } from './applicants'

/**
 * What the customer's receipt and consent form show: masked by the core (the window never holds
 * the full name or number for them), the branch's name from settings. Null name and number: the
 * personal data was purged, the reference and dates remain.
 */
export const receiptViewSchema = z.object({
  id: applicantIdSchema,
  reference: z.string(),
  maskedName: z.string().nullable(),
  maskedDocumentNumber: z.string().nullable(),
  documentType: documentTypeSchema.nullable(),
  status: applicantStatusSchema,
  capturedAt: z.number().int(),
  operatorName: z.string().nullable(),
  /** The branch's name as the admin set it; empty when none is set yet. */
  branchName: z.string(),
  training: z.boolean(),
  /** The consent the customer gave at capture (its text version and when); null for a draft without it. */
  consent: z.object({ version: z.string(), at: z.number().int() }).nullable(),
})
export type ReceiptView = z.infer<typeof receiptViewSchema>

export const printDocumentSchema = z.enum(printDocuments)

export const printRequestSchema = z
  .object({ id: applicantIdSchema, document: printDocumentSchema, output: z.enum(printOutputs) })
  .strict()

/**
 * `browser`: browser mode handed it to the browser's own print dialog (which also saves PDFs);
 * whether paper came out is the browser's to know.
 */
export const printResultSchema = z.object({
  outcome: z.enum(['printed', 'saved', 'cancelled', 'browser']),
  /** Where the PDF went (a path on this PC); null otherwise. */
  location: z.string().nullable(),
})
export type PrintResult = z.infer<typeof printResultSchema>

export const printChannels = {
  'applicants:receipt': { request: z.object({ id: applicantIdSchema }).strict(), response: receiptViewSchema },
  /** Prints the print view the window shows now, or saves it as a PDF; audited without personal data. */
  'print:document': { request: printRequestSchema, response: printResultSchema },
} as const
