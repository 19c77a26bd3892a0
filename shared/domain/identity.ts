import { z } from 'zod'

/** A calendar date as the platform writes it: `YYYY-MM-DD` (no time, no zone). */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
export type IsoDate = z.infer<typeof isoDateSchema>

export const documentTypes = ['id_card', 'passport'] as const
export const documentTypeSchema = z.enum(documentTypes)
export type DocumentType = z.infer<typeof documentTypeSchema>

export const genders = ['male', 'female'] as const
export const genderSchema = z.enum(genders)
export type Gender = z.infer<typeof genderSchema>

/**
 * How long the document is valid. A discriminated union rather than `expiryDate` plus a
 * `longTerm` flag, so "long-term with an expiry date" cannot be written down.
 */
export const validitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('long-term') }),
  z.object({ kind: z.literal('until'), expiryDate: isoDateSchema }),
])
export type Validity = z.infer<typeof validitySchema>

/** The applicant's identity data in domain names; the wire names live only in the platform client. */
export const identityDataSchema = z.object({
  /** ISO 3166-1 alpha-3 country or region of the document, e.g. CHN, HKG. */
  country: z.string().regex(/^[A-Z]{3}$/),
  /** 姓 (the platform's `firstName`). */
  surname: z.string().min(1).max(64),
  /** 名 (the platform's `secondName`). */
  givenName: z.string().min(1).max(64),
  documentType: documentTypeSchema,
  documentNumber: z.string().min(1).max(32),
  birthday: isoDateSchema,
  gender: genderSchema,
  /** A Chinese mainland document (the platform's `isChina`). */
  chineseMainland: z.boolean(),
  issueDate: isoDateSchema,
  validity: validitySchema,
})
export type IdentityData = z.infer<typeof identityDataSchema>

/** Platform uid: a Java Long kept as a decimal string end to end, never a JS number. */
export const uidSchema = z.string().regex(/^[1-9][0-9]{0,18}$/, 'uid must be 1 to 19 digits, no leading zero')
export type Uid = z.infer<typeof uidSchema>

/** The customer's platform account the applicant syncs with. Secret: main process only. */
export const accountBindingSchema = z.object({
  uid: uidSchema,
  token: z.string().min(1).max(512),
})
export type AccountBinding = z.infer<typeof accountBindingSchema>

export const platformLanguages = ['zh_CN', 'en_US'] as const
export const platformLanguageSchema = z.enum(platformLanguages)
export type PlatformLanguage = z.infer<typeof platformLanguageSchema>
