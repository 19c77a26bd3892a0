import type { IdentityData } from '../../../shared/domain/identity'
import { localIsoDate } from '../../../shared/domain/local-date'

/**
 * The clear-text display label: the surname's first character and the document number's last
 * four, e.g. `王* ····1234`. Enough for staff to find a customer in a list, and deliberately no
 * more (a one-character Chinese surname is shown whole; that is the agreed trade-off).
 */
export function maskedLabel(identity: IdentityData): string {
  const initial = Array.from(identity.surname.trim())[0] ?? '?'
  const digits = identity.documentNumber.replace(/\s/g, '')
  return `${initial}* ····${digits.slice(-4)}`
}

/** `YYYYMMDD-NNNN` in local time: the counter restarts each day, easy to read out at a counter. */
export function referencePrefix(at: number): string {
  return localIsoDate(at).replaceAll('-', '')
}

export function nextReference(at: number, lastOfDay: string | undefined): string {
  const prefix = referencePrefix(at)
  const last = lastOfDay ? Number.parseInt(lastOfDay.slice(prefix.length + 1), 10) : 0
  return `${prefix}-${String((Number.isFinite(last) ? last : 0) + 1).padStart(4, '0')}`
}
