import type { ChipCard } from '../../../../shared/domain/id-card'

/**
 * The 256-byte base message of GA/T 467 (`SDT_ReadBaseMsg`, termb's `CVR_ReadBaseMsg` mode 1):
 * UCS-2 little-endian text padded with spaces, one layout per card type, told apart by the flag at
 * byte 248. Offsets are in bytes, as the vendor structs declare them (t_idcardinfor and the
 * foreigner structs of Johann356/readinfo PCSCGetData.h; each layout sums to 256).
 */
export const BASE_MESSAGE_BYTES = 256

type Span = readonly [offset: number, length: number]

const resident = {
  name: [0, 30], sex: [30, 2], ethnicity: [32, 4], birth: [36, 16], address: [52, 70], number: [122, 36],
  authority: [158, 30], validFrom: [188, 16], validTo: [204, 16], passNumber: [220, 18], issueCount: [238, 4],
} as const satisfies Record<string, Span>

const foreign2017 = {
  nameEn: [0, 120], sex: [120, 2], number: [122, 30], nationality: [152, 6], nameZh: [158, 30],
  validFrom: [188, 16], validTo: [204, 16], birth: [220, 16], version: [236, 4], authorityCode: [240, 8],
} as const satisfies Record<string, Span>

const foreign2023 = {
  nameZh: [0, 30], sex: [30, 2], renewalCount: [32, 4], birth: [36, 16], nameEnStart: [52, 70], number: [122, 36],
  validFrom: [188, 16], validTo: [204, 16], nameEnEnd: [220, 22], nationality: [242, 6],
} as const satisfies Record<string, Span>

const TYPE_FLAG: Span = [248, 2]
const LONG_TERM = '长期'

export type BaseMessageResult =
  | { ok: true; card: ChipCard }
  | { ok: false; problem: 'length' | 'unknown-type'; flag?: string }

function field(block: Uint8Array, [offset, length]: Span): string {
  return new TextDecoder('utf-16le').decode(block.subarray(offset, offset + length)).replace(/[\s\0]+$/u, '').trim()
}

const orNull = (value: string): string | null => (value === '' ? null : value)
const validTo = (value: string): string => (value === LONG_TERM ? 'long-term' : value)

function parseResident(block: Uint8Array, kind: 'resident' | 'hmt-permit'): ChipCard {
  const f = (span: Span) => field(block, span)
  return {
    kind,
    nameZh: orNull(f(resident.name)),
    nameEn: null,
    sexCode: f(resident.sex),
    // J cards leave the ethnicity bytes reserved.
    ethnicityCode: kind === 'resident' ? orNull(f(resident.ethnicity)) : null,
    ethnicityName: null,
    nationality: null,
    birth: f(resident.birth),
    number: f(resident.number),
    address: orNull(f(resident.address)),
    authority: orNull(f(resident.authority)),
    validFrom: f(resident.validFrom),
    validTo: validTo(f(resident.validTo)),
    passNumber: kind === 'hmt-permit' ? orNull(f(resident.passNumber)) : null,
    issueCount: kind === 'hmt-permit' ? orNull(f(resident.issueCount)) : null,
  }
}

function parseForeign2017(block: Uint8Array): ChipCard {
  const f = (span: Span) => field(block, span)
  return {
    kind: 'foreign-2017',
    nameZh: orNull(f(foreign2017.nameZh)),
    nameEn: orNull(f(foreign2017.nameEn)),
    sexCode: f(foreign2017.sex),
    ethnicityCode: null,
    ethnicityName: null,
    nationality: orNull(f(foreign2017.nationality)),
    birth: f(foreign2017.birth),
    number: f(foreign2017.number),
    address: null,
    // The 2017 card stores the issuing authority as a code (公安部 is 1500).
    authority: orNull(f(foreign2017.authorityCode)),
    validFrom: f(foreign2017.validFrom),
    validTo: validTo(f(foreign2017.validTo)),
    passNumber: null,
    issueCount: null,
  }
}

function parseForeign2023(block: Uint8Array): ChipCard {
  const f = (span: Span) => field(block, span)
  // The English name overflows its first field into bytes 220-241: one name split in two places.
  // Joined untrimmed, so a space that falls on the boundary survives.
  const nameEn = `${rawSpan(block, foreign2023.nameEnStart)}${rawSpan(block, foreign2023.nameEnEnd)}`.replace(/\0/g, ' ').trim()
  return {
    kind: 'foreign-2023',
    nameZh: orNull(f(foreign2023.nameZh)),
    nameEn: orNull(nameEn),
    sexCode: f(foreign2023.sex),
    ethnicityCode: null,
    ethnicityName: null,
    nationality: orNull(f(foreign2023.nationality)),
    birth: f(foreign2023.birth),
    number: f(foreign2023.number),
    address: null,
    authority: null,
    validFrom: f(foreign2023.validFrom),
    validTo: validTo(f(foreign2023.validTo)),
    passNumber: null,
    issueCount: orNull(f(foreign2023.renewalCount)),
  }
}

function rawSpan(block: Uint8Array, [offset, length]: Span): string {
  return new TextDecoder('utf-16le').decode(block.subarray(offset, offset + length))
}

/** Reads one base message; pure, so every adapter that receives raw blocks shares it. */
export function parseBaseMessage(block: Uint8Array): BaseMessageResult {
  if (block.length !== BASE_MESSAGE_BYTES) return { ok: false, problem: 'length' }
  const flag = field(block, TYPE_FLAG)
  switch (flag) {
    case '':
      return { ok: true, card: parseResident(block, 'resident') }
    case 'J':
      return { ok: true, card: parseResident(block, 'hmt-permit') }
    case 'I':
      return { ok: true, card: parseForeign2017(block) }
    case 'Y':
      return { ok: true, card: parseForeign2023(block) }
    default:
      return { ok: false, problem: 'unknown-type', flag }
  }
}
