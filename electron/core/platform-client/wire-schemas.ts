import { z } from 'zod'

// The platform's wire format, typos included (CONTRACT.md). Nothing outside this folder and the
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

const intFlag = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)])

export const authInfoAttachmentSchema = z.object({
  country: z.string().nullable().optional(),
  firstName: z.string().nullable().optional(),
  secondName: z.string().nullable().optional(),
  idNumber: z.string().nullable().optional(),
  positiveImages: z.string().nullable().optional(),
  oppositeImages: z.string().nullable().optional(),
  handImages: z.string().nullable().optional(),
  birthday: z.string().nullable().optional(),
  gender: intFlag.nullable().optional(),
  isChina: intFlag.nullable().optional(),
  singnTime: z.string().nullable().optional(),
  outofTime: z.string().nullable().optional(),
  isAllTime: intFlag.nullable().optional(),
})
export type AuthInfoAttachment = z.infer<typeof authInfoAttachmentSchema>

/** Parameters as sent: every value is a string or an integer; uid stays a decimal string. */
export type WireParams = Readonly<Record<string, string | number>>
