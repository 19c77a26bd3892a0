import type { SyntheticCard } from './synthetic-cards'

/**
 * Writes a card as a GA/T 467 reader's 256-byte base message (UCS-2 LE, space padded), from the
 * vendor struct declarations: the resident/J struct of 30+2+4+16+70+36+30+16+16+18+4+6+2+6 bytes,
 * the 2017 foreigner struct of 120+2+30+6+30+16+16+16+4+8+2+6 and the 2023 one of
 * 30+2+4+16+70+36+30+16+16+22+6+2+6. Written here, apart from the app's parser, so the two check
 * each other.
 */
type Field = readonly [bytes: number, value: string]

function layout(card: SyntheticCard): readonly Field[] {
  switch (card.kind) {
    case 'resident':
    case 'hmt-permit':
      return [
        [30, card.nameZh], [2, card.sex], [4, card.ethnicity?.code ?? ''], [16, card.birth], [70, card.address], [36, card.number],
        [30, card.authority], [16, card.validFrom], [16, card.validTo], [18, card.passNumber], [4, card.issueCount], [6, ''],
        [2, card.kind === 'hmt-permit' ? 'J' : ' '], [6, ''],
      ]
    case 'foreign-2017':
      return [
        [120, card.nameEn], [2, card.sex], [30, card.number], [6, card.nationality], [30, card.nameZh], [16, card.validFrom],
        [16, card.validTo], [16, card.birth], [4, '01'], [8, card.authority], [2, 'I'], [6, ''],
      ]
    case 'foreign-2023':
      return [
        [30, card.nameZh], [2, card.sex], [4, card.issueCount], [16, card.birth], [70, card.nameEn.slice(0, 35)], [36, card.number],
        [30, ''], [16, card.validFrom], [16, card.validTo], [22, card.nameEn.slice(35)], [6, card.nationality], [2, 'Y'], [6, ''],
      ]
  }
}

export function encodeBaseMessage(card: SyntheticCard): Uint8Array {
  const block = Buffer.alloc(256)
  let offset = 0
  for (const [bytes, value] of layout(card)) {
    const encoded = Buffer.from(value.padEnd(bytes / 2, ' '), 'utf16le')
    if (encoded.length !== bytes) throw new RangeError(`${card.id}: "${value}" does not fit ${bytes} bytes`)
    encoded.copy(block, offset)
    offset += bytes
  }
  if (offset !== 256) throw new RangeError(`${card.kind} layout adds up to ${offset} bytes`)
  return new Uint8Array(block)
}
