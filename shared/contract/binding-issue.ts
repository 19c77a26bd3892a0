import { z } from 'zod'
import type { BindingIssue } from '../identity'

/** An account-binding issue as it crosses a boundary: code and values, worded by shared/i18n/issue-words.ts. */
const field = z.enum(['binding', 'uid', 'token'])
const bare = <C extends string>(code: C) => z.object({ field, code: z.literal(code) })

export const bindingIssueSchema = z.discriminatedUnion('code', [
  bare('binding.empty'),
  bare('binding.unrecognized'),
  bare('binding.full-width'),
  bare('binding.json-invalid'),
  bare('binding.json-not-object'),
  bare('binding.uri-invalid'),
  z.object({ field, code: z.literal('binding.duplicate'), name: z.enum(['uid', 'token']) }),
  bare('uid.missing'),
  bare('uid.wrong-type'),
  z.object({ field, code: z.literal('uid.not-whole-number'), value: z.string() }),
  z.object({ field, code: z.literal('uid.characters'), value: z.string() }),
  bare('uid.leading-zero'),
  z.object({ field, code: z.literal('uid.too-long'), length: z.number().int(), max: z.number().int() }),
  bare('uid.out-of-range'),
  bare('token.missing'),
  bare('token.wrong-type'),
  z.object({ field, code: z.literal('token.too-long'), length: z.number().int(), max: z.number().int() }),
  bare('token.characters'),
])

// The schema admits exactly the issues shared/identity raises, or this does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const exact: Same<z.infer<typeof bindingIssueSchema>, BindingIssue> = true
void exact
