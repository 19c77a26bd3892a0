import type { IdentityData } from '../domain/identity'

/**
 * How a customer's name and document number are shown where they must be recognisable but not
 * readable in full: a list row, a receipt handed across the counter. The surname's first
 * character only (a one-character Chinese surname is shown whole: the agreed trade-off), and the
 * document number's last four.
 */
export function maskedName(identity: Pick<IdentityData, 'surname'>): string {
  const initial = Array.from(identity.surname.trim())[0] ?? '?'
  return `${initial}*`
}

export function maskedDocumentNumber(documentNumber: string): string {
  const digits = documentNumber.replace(/\s/g, '')
  return `····${digits.slice(-4)}`
}

/** The display label, e.g. `王* ····1234`. */
export function maskedLabel(identity: Pick<IdentityData, 'surname' | 'documentNumber'>): string {
  return `${maskedName(identity)} ${maskedDocumentNumber(identity.documentNumber)}`
}
