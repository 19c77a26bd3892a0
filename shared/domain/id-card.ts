import { z } from 'zod'

/**
 * What a second-generation ID card's chip says, in domain names, for the four layouts of the
 * 256-byte base message: the resident card, the Hong Kong/Macau/Taiwan residence permit (`J`), and
 * the foreigner's permanent residence card of 2017 (`I`) and 2023 (`Y`). Dates stay `YYYYMMDD` as
 * the chip writes them: the checks judge them, so a garbled date is shown, not dropped.
 */
export const chipCardKinds = ['resident', 'hmt-permit', 'foreign-2017', 'foreign-2023'] as const
export const chipCardKindSchema = z.enum(chipCardKinds)
export type ChipCardKind = z.infer<typeof chipCardKindSchema>

const chipText = z.string().max(120)

export const chipCardSchema = z.object({
  kind: chipCardKindSchema,
  /** Chinese name (all layouts but the 2017 foreigner card may lack it). */
  nameZh: chipText.nullable(),
  /** English name (foreigner cards only). */
  nameEn: chipText.nullable(),
  /** GB/T 2261.1: `1` male, `2` female; anything else is kept to be flagged. */
  sexCode: z.string().max(4),
  /** GB 3304 code `01`-`56` (resident cards; the web services may send only the name). */
  ethnicityCode: z.string().max(4).nullable(),
  ethnicityName: chipText.nullable(),
  /** ISO 3166-1 alpha-3 nationality (foreigner cards). */
  nationality: z.string().max(4).nullable(),
  birth: z.string().max(16),
  number: z.string().max(32),
  address: z.string().max(200).nullable(),
  authority: chipText.nullable(),
  validFrom: z.string().max(16),
  validTo: z.union([z.literal('long-term'), z.string().max(16)]),
  /** The Hong Kong/Macau/Taiwan pass number printed on a J card. */
  passNumber: z.string().max(32).nullable(),
  issueCount: z.string().max(8).nullable(),
})
export type ChipCard = z.infer<typeof chipCardSchema>

/** The chip photo as a vendor service decodes it (102×126); it never reaches a log. */
export interface ChipPhoto {
  readonly mime: 'image/jpeg' | 'image/bmp' | 'image/png'
  readonly bytes: Uint8Array
}

export const idCardReadFailures = [
  'no-card',
  'not-lifted',
  'busy',
  'unreachable',
  'no-device',
  'read-failed',
  'photo-failed',
  'unsupported-card',
  'cancelled',
] as const
export const idCardReadFailureSchema = z.enum(idCardReadFailures)
export type IdCardReadFailure = z.infer<typeof idCardReadFailureSchema>

/**
 * One read. `photo-failed` still carries the fields (the vendor decoded the text but not the WLT
 * photo), so the operator keeps what was read.
 */
export type IdCardReadResult =
  | { readonly outcome: 'read'; readonly card: ChipCard; readonly photo: ChipPhoto | null }
  | { readonly outcome: 'photo-failed'; readonly card: ChipCard }
  | { readonly outcome: Exclude<IdCardReadFailure, 'photo-failed'> }

export const idCardReaderStates = ['off', 'unreachable', 'no-device', 'busy', 'idle', 'card-present'] as const
export const idCardReaderStateSchema = z.enum(idCardReaderStates)
export type IdCardReaderState = z.infer<typeof idCardReaderStateSchema>
