import { z } from 'zod'
import { chipCardKindSchema } from '../domain/id-card'
import { documentTypeSchema, genderSchema, isoDateSchema, validitySchema } from '../domain/identity'

/**
 * Every issue the identity rules can raise, with its fixed severity and the zod schema of its
 * params. One table drives the types (params typed per code), the IPC schema, and the message
 * table, which must cover every code in both locales or it does not compile.
 */

/** The fields an issue can point at: IdentityData's, the expiry date inside `validity`, the MRZ text, the uid. */
export const issueFields = [
  'country',
  'surname',
  'givenName',
  'documentType',
  'documentNumber',
  'birthday',
  'gender',
  'chineseMainland',
  'issueDate',
  'validity',
  'expiryDate',
  'mrz',
  'uid',
] as const
export const issueFieldSchema = z.enum(issueFields)
export type IssueField = z.infer<typeof issueFieldSchema>

export const severities = ['error', 'warning'] as const
export type Severity = (typeof severities)[number]

export const mrzCheckDigitNames = ['document-number', 'birth-date', 'expiry-date', 'personal-number', 'composite'] as const
export type MrzCheckDigitName = (typeof mrzCheckDigitNames)[number]

export const mrzFieldNames = [
  'document-code',
  'issuing-state',
  'document-number',
  'nationality',
  'birth-date',
  'sex',
  'expiry-date',
  'names',
  'optional-data',
] as const
export type MrzFieldName = (typeof mrzFieldNames)[number]

/** A value shown in a mismatch message; tagged so each locale can render genders and types in its own words. */
export const displayValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('gender'), gender: genderSchema }),
  z.object({ kind: z.literal('document-type'), documentType: documentTypeSchema }),
  z.object({ kind: z.literal('validity'), validity: validitySchema }),
])
export type DisplayValue = z.infer<typeof displayValueSchema>

/** What the Resident Identity Card Law prescribes for a card issued at a given age. */
export const expectedValiditySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('years'), years: z.union([z.literal(5), z.literal(10), z.literal(20)]), expiryDate: isoDateSchema }),
  z.object({ kind: z.literal('long-term') }),
])
export type ExpectedValidity = z.infer<typeof expectedValiditySchema>

const none = z.object({})
const count = z.number().int().nonnegative()
const text = z.string()

function error<P extends z.ZodType>(params: P) {
  return { severity: 'error', params } as const
}
function warning<P extends z.ZodType>(params: P) {
  return { severity: 'warning', params } as const
}

export const issueCatalog = {
  required: error(none),
  'too-long': error(z.object({ max: count, length: count })),
  /** Full-width characters, stray spaces, lower case: the value means the right thing but must be stored canonically. */
  'not-normalized': error(z.object({ suggested: text })),
  'date.format': error(z.object({ value: text })),
  'date.impossible': error(z.object({ value: text })),
  'date.future': error(z.object({ value: isoDateSchema, today: isoDateSchema })),

  'country.unknown': error(z.object({ value: text })),
  'country.not-mainland': error(z.object({ country: text })),
  'chinese-mainland.likely': warning(none),

  'name.invalid-characters': error(z.object({ characters: z.array(text) })),
  'name.separator-position': error(none),
  'name.mixed-scripts': warning(none),

  'uid.format': error(none),
  'uid.out-of-range': error(none),

  'document-number.format': error(z.object({ format: z.enum(['passport', 'id-card']) })),
  'document-number.unusual-cn-passport': warning(none),

  'cn-id.legacy-15-digit': error(none),
  'cn-id.length': error(z.object({ length: count })),
  'cn-id.characters': error(none),
  'cn-id.region': error(z.object({ code: text })),
  'cn-id.residence-permit': error(z.object({ region: z.enum(['HKG', 'MAC', 'TWN']) })),
  'cn-id.birth-date-invalid': error(z.object({ digits: text })),
  'cn-id.birth-date-future': error(z.object({ birthday: isoDateSchema, today: isoDateSchema })),
  'cn-id.check-character': error(z.object({ expected: text, actual: text })),

  'birthday.mismatch-id-number': error(z.object({ fromIdNumber: isoDateSchema, entered: isoDateSchema })),
  'gender.mismatch-id-number': error(z.object({ fromIdNumber: genderSchema, entered: genderSchema })),
  'birthday.implausible-age': warning(z.object({ age: count })),

  'issue-date.before-birth': error(z.object({ issueDate: isoDateSchema, birthday: isoDateSchema })),
  'issue-date.first-generation-cn-id': warning(z.object({ issueDate: isoDateSchema })),
  'expiry-date.not-after-issue': error(z.object({ issueDate: isoDateSchema, expiryDate: isoDateSchema })),
  'expiry-date.expired': error(z.object({ expiryDate: isoDateSchema, today: isoDateSchema })),
  'validity.long-term-not-allowed': error(z.object({ documentType: documentTypeSchema })),
  /** A warning, not an error: the card says what it says; the operator confirms it, with a reason. */
  'validity.legal-period-mismatch': warning(
    z.object({ ageAtIssue: count, expected: expectedValiditySchema, actual: validitySchema }),
  ),

  'mrz.unrecognized-format': error(z.object({ lineLengths: z.array(count) })),
  'mrz.unsupported-format': error(z.object({ format: z.literal('TD2') })),
  'mrz.invalid-characters': error(z.object({ characters: z.array(text) })),
  'mrz.check-digit': error(z.object({ digit: z.enum(mrzCheckDigitNames), expected: text, actual: text })),
  'mrz.invalid-field': error(z.object({ mrzField: z.enum(mrzFieldNames), value: text })),
  'mrz.state-not-iso': warning(z.object({ code: text })),
  'mrz.mismatch': error(z.object({ fromMrz: displayValueSchema, entered: displayValueSchema })),
  /** Names only warn: transliteration (MÜLLER, MUELLER, MULLER) and truncation differ legitimately. */
  'mrz.name-mismatch': warning(z.object({ fromMrz: text, entered: text })),

  /** Read from an ID card chip (chip-checks.ts). A permit card the platform does not take as a resident card. */
  'chip.card-not-accepted': error(z.object({ kind: chipCardKindSchema })),
  'chip.permit-number': error(z.object({ kind: chipCardKindSchema, problem: z.enum(['format', 'check-character', 'birth-date']) })),
  /** The form no longer says what the chip said: allowed with a reason, which goes into the audit log. */
  'chip.edited': warning(z.object({ chipValue: text })),
  /**
   * A name whose split the table cannot be sure of (`·`, over four characters, an ambiguous double
   * surname, a Latin name): the operator's confirmation is the override, kept in the audit log.
   */
  'chip.split-unconfirmed': warning(z.object({ surname: text, givenName: text })),
} as const satisfies Record<string, { severity: Severity; params: z.ZodType }>

type Catalog = typeof issueCatalog
export type IssueCode = keyof Catalog
export const issueCodes = Object.keys(issueCatalog) as IssueCode[]

/** A plain mapped type, so a generic `IssueParamsMap[C]` correlates with the message table. */
export type IssueParamsMap = { [C in IssueCode]: z.infer<Catalog[C]['params']> }
export type IssueParams<C extends IssueCode> = IssueParamsMap[C]

/** One issue; the union is discriminated by `code`, and its severity is the catalog's, not the caller's choice. */
export type Issue<C extends IssueCode = IssueCode> = {
  [K in C]: { field: IssueField; code: K; severity: Catalog[K]['severity']; params: IssueParamsMap[K] }
}[C]

export type ErrorCode = { [C in IssueCode]: Catalog[C]['severity'] extends 'error' ? C : never }[IssueCode]
export type WarningCode = Exclude<IssueCode, ErrorCode>

export function issue<C extends IssueCode>(field: IssueField, code: C, params: IssueParams<C>): Issue<C> {
  // The mapped union cannot be narrowed from a generic C; the fields are exactly its members.
  return { field, code, severity: issueCatalog[code].severity, params } as Issue<C>
}

export function isError(found: Issue): boolean {
  return found.severity === 'error'
}

const issueVariants = issueCodes.map((code) =>
  z.object({
    field: issueFieldSchema,
    code: z.literal(code),
    severity: z.literal(issueCatalog[code].severity),
    params: issueCatalog[code].params,
  }),
)

/** For the IPC contract: main sends these issues to the renderer. */
export const issueSchema = z.discriminatedUnion(
  'code',
  issueVariants as [(typeof issueVariants)[number], ...(typeof issueVariants)[number][]],
) as unknown as z.ZodType<Issue>
