import { localIsoDate } from '../../../shared/domain/local-date'

// The display label's rule lives with the receipt's, in one place.
export { maskedLabel } from '../../../shared/identity/masking'

/** `YYYYMMDD-NNNN` in local time: the counter restarts each day, easy to read out at a counter. */
export function referencePrefix(at: number): string {
  return localIsoDate(at).replaceAll('-', '')
}

export function nextReference(at: number, lastOfDay: string | undefined): string {
  const prefix = referencePrefix(at)
  const last = lastOfDay ? Number.parseInt(lastOfDay.slice(prefix.length + 1), 10) : 0
  return `${prefix}-${String((Number.isFinite(last) ? last : 0) + 1).padStart(4, '0')}`
}
