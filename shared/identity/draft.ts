import { z } from 'zod'
import { documentTypeSchema, genderSchema } from '../domain/identity'

const text = z.string().nullish()

/**
 * An identity as it stands while being typed or imported: every field may be missing (undefined or
 * null, as form controls and import columns give it) and text is not yet known to be well formed.
 * Main parses IPC input with this schema before validating it.
 */
export const identityDraftSchema = z.object({
  country: text,
  surname: text,
  givenName: text,
  documentType: documentTypeSchema.nullish(),
  documentNumber: text,
  birthday: text,
  gender: genderSchema.nullish(),
  chineseMainland: z.boolean().nullish(),
  issueDate: text,
  validity: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('long-term') }),
      z.object({ kind: z.literal('until'), expiryDate: text }),
    ])
    .nullish(),
  /** MRZ text from a swipe reader or pasted; only a source of suggestions and cross-checks, never stored. */
  mrz: text,
})
export type IdentityDraft = z.input<typeof identityDraftSchema>
