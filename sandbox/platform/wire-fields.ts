import { z } from 'zod'
import { isCalendarDate } from './calendar'

// Field schemas for the platform's form-or-JSON parameters. A form sends every value as a string,
// JSON may send numbers, so integers accept both; an empty form value counts as missing. Issue
// messages are rule keys of field-messages.ts.

function missingOr(rule: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'required' : rule)
}

const emptyIsMissing = (value: unknown) => (value === '' ? undefined : value)

export function textField(maxLength: number) {
  return z.preprocess(
    emptyIsMissing,
    z
      .string({ error: missingOr('string') })
      .max(maxLength, { error: `tooLong:${maxLength}` })
      .refine((value) => value.trim().length > 0, { error: 'blank' }),
  )
}

export function integerField(allowed: readonly number[], rule = `oneOf:${allowed.join(',')}`) {
  return z.preprocess(
    emptyIsMissing,
    z
      .union([z.number(), z.string()], { error: missingOr('integer') })
      .transform((value) => (typeof value === 'number' ? value : /^-?\d{1,9}$/.test(value.trim()) ? Number(value) : Number.NaN))
      .pipe(
        z
          .number({ error: 'integer' })
          .int({ error: 'integer' })
          .refine((value) => allowed.includes(value), { error: rule }),
      ),
  )
}

export function dateField() {
  return z.preprocess(
    emptyIsMissing,
    z.string({ error: missingOr('string') }).refine(isCalendarDate, { error: 'date' }),
  )
}

const LONG_MAX = 9223372036854775807n

/**
 * uid is a Java Long sent as digits. A JSON number that is still a safe integer is accepted; larger
 * ones were already turned into strings by the body parser, so no digit is ever lost.
 */
export const uidField = z.preprocess(
  (value) => (value === '' ? undefined : typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value),
  z
    .string({ error: missingOr('uid') })
    .refine((value) => /^[1-9][0-9]{0,18}$/.test(value) && BigInt(value) <= LONG_MAX, { error: 'uid' }),
)
