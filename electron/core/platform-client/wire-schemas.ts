import { z } from 'zod'

// The platform's wire format, typos included (docs/platform-api/CONTRACT.md). Nothing outside this folder and the
// sandbox uses these names.

export const envelopeSchema = z.object({
  attachment: z.unknown().optional(),
  message: z.string().nullable().optional(),
  status: z.number().int(),
})

export const stsAttachmentSchema = z.object({
  SecurityToken: z.string().min(1),
  AccessKeyId: z.string().min(1),
  AccessKeySecret: z.string().min(1),
  Expiration: z.iso.datetime({ offset: true }),
  bucket: z.string().min(1),
  RoleSessionName: z.string().optional(),
  RoleArn: z.string().optional(),
  policy: z.string().optional(),
})

// A platform may send any field as a string or a number (dates as epoch milliseconds, codes as
// "1"); reconciliation's rules decide what matches, so nothing is coerced here.
const wireValue = z.union([z.string(), z.number()]).nullable().optional()

export const authInfoAttachmentSchema = z.object({
  country: wireValue,
  firstName: wireValue,
  secondName: wireValue,
  idNumber: wireValue,
  positiveImages: wireValue,
  oppositeImages: wireValue,
  handImages: wireValue,
  birthday: wireValue,
  gender: wireValue,
  isChina: wireValue,
  singnTime: wireValue,
  outofTime: wireValue,
  isAllTime: wireValue,
})
export type AuthInfoAttachment = z.infer<typeof authInfoAttachmentSchema>

/** Parameters as sent: every value is a string or an integer; uid stays a decimal string. */
export type WireParams = Readonly<Record<string, string | number>>
