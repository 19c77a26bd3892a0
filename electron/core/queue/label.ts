import type { IdentityData } from '../../../shared/domain/identity'

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
  const d = new Date(at)
  const pad = (n: number, w: number) => String(n).padStart(w, '0')
  return `${pad(d.getFullYear(), 4)}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`
}

export function nextReference(at: number, lastOfDay: string | undefined): string {
  const prefix = referencePrefix(at)
  const last = lastOfDay ? Number.parseInt(lastOfDay.slice(prefix.length + 1), 10) : 0
  return `${prefix}-${String((Number.isFinite(last) ? last : 0) + 1).padStart(4, '0')}`
}
