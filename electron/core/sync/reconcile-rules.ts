import type { Gender } from '../../../shared/domain/identity'
import type { EchoValue } from '../platform-client/from-wire'

// The tolerant comparisons of reconciliation (shared/domain/reconcile-rules.ts says which field
// uses which). Each takes our value as sent and the platform's as it came back.

const midnight = /^(\d{4}-\d{2}-\d{2})[ T]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/
const BEIJING_OFFSET_MS = 8 * 3_600_000

/** The day of an epoch-milliseconds midnight, in UTC or Beijing time; null when it is no midnight. */
function dayOfEpoch(ms: number): string | null {
  for (const offset of [0, BEIJING_OFFSET_MS]) {
    const shifted = ms + offset
    if (Number.isFinite(shifted) && shifted % 86_400_000 === 0) return new Date(shifted).toISOString().slice(0, 10)
  }
  return null
}

/** `YYYY-MM-DD` of a date, a date-time at midnight, or epoch milliseconds of a midnight. */
export function dayOf(echoed: EchoValue): string | null {
  if (typeof echoed === 'number') return dayOfEpoch(echoed)
  if (echoed === null) return null
  const text = echoed.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text
  const dateTime = midnight.exec(text)
  if (dateTime) return dateTime[1] ?? null
  return /^-?\d{11,14}$/.test(text) ? dayOfEpoch(Number(text)) : null
}

export function sameDay(ours: string, echoed: EchoValue): boolean {
  return dayOf(echoed) === ours
}

const maskRun = /[*•＊]+/gu
const hasMask = /[*•＊]/u
const MIN_VISIBLE = 4

/**
 * A masked value (`110105********002X`) matches when its visible characters agree with ours, in
 * place, and at least four show: a value masked whole proves nothing. Case is ignored (the check
 * letter X). An unmasked value must be equal.
 */
export function sameMasked(ours: string, echoed: EchoValue): boolean {
  if (echoed === null) return false
  const theirs = String(echoed).trim().toUpperCase()
  const mine = ours.toUpperCase()
  if (!hasMask.test(theirs)) return theirs === mine
  const visible = theirs.replace(maskRun, '')
  if ([...visible].length < MIN_VISIBLE) return false
  const escaped = theirs.split(maskRun).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${escaped.join('.+')}$`, 'su').test(mine)
}

/** Our object key (or the reference sent), or a URL of it: a CDN or signed URL's path ends with the key. */
export function sameImage(reference: string, objectKey: string, echoed: EchoValue): boolean {
  if (typeof echoed !== 'string') return false
  if (echoed === reference || echoed === objectKey) return true
  if (!/^https?:\/\//i.test(echoed) || !URL.canParse(echoed)) return false
  try {
    return decodeURIComponent(new URL(echoed).pathname).endsWith(`/${objectKey}`)
  } catch {
    return false
  }
}

const genderWords: Readonly<Record<string, Gender>> = { '1': 'male', 男: 'male', M: 'male', MALE: 'male', '2': 'female', 女: 'female', F: 'female', FEMALE: 'female' }
const flagWords: Readonly<Record<string, boolean>> = { '1': true, TRUE: true, Y: true, 是: true, '0': false, FALSE: false, N: false, 否: false }

export function readGender(echoed: EchoValue): Gender | null {
  return echoed === null ? null : (genderWords[String(echoed).trim().toUpperCase()] ?? null)
}

export function readFlag(echoed: EchoValue): boolean | null {
  return echoed === null ? null : (flagWords[String(echoed).trim().toUpperCase()] ?? null)
}
