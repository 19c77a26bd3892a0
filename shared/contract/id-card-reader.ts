import { z } from 'zod'
import { chipCardSchema, idCardReaderStateSchema, idCardReadFailureSchema } from '../domain/id-card'
import { idCardReaderAdapters } from '../domain/settings'
import { applicantIdSchema } from './applicants'

const empty = z.object({}).strict()

export const readerStatusSchema = z.object({
  adapter: z.enum(idCardReaderAdapters),
  state: idCardReaderStateSchema,
  /** The sandbox's emulator stands in for the reader. */
  emulated: z.boolean(),
  /** The admin setting: permit cards are submitted as resident identity cards. */
  acceptResidencePermits: z.boolean(),
})
export type ReaderStatus = z.infer<typeof readerStatusSchema>

/** The chip photo as the screen shows it (102×126, never stored by the app). */
const chipPhotoDataUrl = z.string().regex(/^data:image\/(jpeg|bmp|png);base64,/).max(200_000)

export const readerReadSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('read'), card: chipCardSchema, photoDataUrl: chipPhotoDataUrl }),
  z.object({ outcome: z.literal('photo-failed'), card: chipCardSchema }),
  z.object({ outcome: idCardReadFailureSchema.exclude(['photo-failed']) }),
])
export type ReaderRead = z.infer<typeof readerReadSchema>

/**
 * The desk's ID card reader. `reader:read` waits for a card (up to the reader session's limit) and
 * binds what it read to the draft, so main checks it again before queueing.
 */
export const idCardReaderChannels = {
  'reader:status': { request: empty, response: readerStatusSchema },
  'reader:read': { request: z.object({ id: applicantIdSchema }).strict(), response: readerReadSchema },
  'reader:await-removal': { request: empty, response: z.object({ outcome: z.enum(['removed', 'cancelled', 'unknown']) }) },
  'reader:cancel': { request: empty, response: empty },
} as const
