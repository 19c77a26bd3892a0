import type { ChipCardKind, ChipPhoto } from '../../../../shared/domain/id-card'
import { ethnicityCodeOf } from '../../../../shared/identity/ethnicities'

/** The vendor services write what the chip holds in their own spellings; these undo them. */

/** `男`/`女` (or already a code) to GB/T 2261.1 `1`/`2`; anything else is kept for the checks to flag. */
export function sexCodeOf(value: string): string {
  const trimmed = value.trim()
  if (trimmed === '男' || trimmed === '1') return '1'
  if (trimmed === '女' || trimmed === '2') return '2'
  return trimmed
}

/** `1990-01-02`, `1990.01.02`, `1990年01月02日` or `19900102` to the chip's `19900102`. */
export function chipDate(value: string): string {
  const digits = value.replace(/[\s\-./年月日]/gu, '')
  return /^\d{8}$/.test(digits) ? digits : value.trim()
}

export function chipValidTo(value: string): string {
  return value.trim() === '长期' ? 'long-term' : chipDate(value)
}

/** A name the service sends as the ethnicity: its code when known, for the checks. */
export function ethnicityFromName(name: string): { code: string | null; name: string | null } {
  const trimmed = name.trim()
  if (trimmed === '') return { code: null, name: null }
  return { code: ethnicityCodeOf(trimmed), name: trimmed }
}

/** The card-type letter as the services send it (blank for the resident card). */
export function cardKindOf(flag: string): ChipCardKind | null {
  switch (flag.trim().toUpperCase()) {
    case '':
    case '0':
      return 'resident'
    case 'J':
      return 'hmt-permit'
    case 'I':
      return 'foreign-2017'
    case 'Y':
      return 'foreign-2023'
    default:
      return null
  }
}

const han = /\p{Script=Han}/u

/** A service's single name field: Chinese names go to `nameZh`, Latin ones (foreigner cards) to `nameEn`. */
export function splitNameField(value: string): { nameZh: string | null; nameEn: string | null } {
  const trimmed = value.trim()
  if (trimmed === '') return { nameZh: null, nameEn: null }
  return han.test(trimmed) ? { nameZh: trimmed, nameEn: null } : { nameZh: null, nameEn: trimmed }
}

/** Base64 photo text (with or without a data: prefix) as bytes, with its type sniffed from the bytes. */
export function photoFromBase64(value: string): ChipPhoto | null {
  const base64 = value.replace(/^data:[^,]*,/, '').replace(/\s+/g, '')
  if (base64 === '' || !/^[A-Za-z0-9+/]+=*$/.test(base64)) return null
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'))
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return { mime: 'image/jpeg', bytes }
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return { mime: 'image/bmp', bytes }
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return { mime: 'image/png', bytes }
  return null
}
