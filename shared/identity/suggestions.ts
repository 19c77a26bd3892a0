import { z } from 'zod'
import { documentTypeSchema, genderSchema, isoDateSchema, validitySchema } from '../domain/identity'

/**
 * A value the form can offer to fill in, with where it came from. Typed per field, so a gender
 * cannot be offered for the birthday.
 */
export const suggestionSources = ['id-number', 'mrz', 'normalization'] as const
export type SuggestionSource = (typeof suggestionSources)[number]

const source = z.enum(suggestionSources)
const text = z.string()

export const suggestionSchema = z.discriminatedUnion('field', [
  z.object({ field: z.literal('country'), value: text, source }),
  z.object({ field: z.literal('surname'), value: text, source }),
  z.object({ field: z.literal('givenName'), value: text, source }),
  z.object({ field: z.literal('documentType'), value: documentTypeSchema, source }),
  z.object({ field: z.literal('documentNumber'), value: text, source }),
  z.object({ field: z.literal('birthday'), value: isoDateSchema, source }),
  z.object({ field: z.literal('gender'), value: genderSchema, source }),
  z.object({ field: z.literal('validity'), value: validitySchema, source }),
])
export type Suggestion = z.infer<typeof suggestionSchema>

/** The same offer from two sources (say the ID number and the MRZ) is shown once, first source kept. */
export function dedupeSuggestions(suggestions: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>()
  return suggestions.filter((s) => {
    const key = `${s.field}\u0000${JSON.stringify(s.value)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
