import type { DocumentType } from '../domain/identity'
import { issue, type Issue } from './issues'
import { fieldLimits } from './limits'

/**
 * Document numbers other than mainland resident ID numbers (those are cn-resident-id.ts). Formats
 * differ by country, so these rules catch what is wrong everywhere (stray characters, implausible
 * lengths) and only warn about country-specific shapes.
 */

const passportNumber = /^[A-Z0-9]{5,15}$/
/** Hong Kong (A123456(7)), Macao (1234567(8)), Taiwan and foreign cards: letters, digits and a few separators. */
const otherIdCardNumber = new RegExp(`^[A-Z0-9()/-]{4,${fieldLimits.documentNumber}}$`)
/**
 * Chinese passports, ordinary (E12345678, EA1234567), older (G), service and diplomatic (S, D, P,
 * SE, DE, PE) and the SAR ones issued under CHN (K12345678, MA1234567): nine characters, one or two
 * letters, then digits. A warning only: an unseen series must not block an applicant.
 */
const cnPassportNumber = /^(?=.{9}$)[A-Z]{1,2}\d{7,8}$/

/** Upper case, no spaces, full-width characters (a Chinese IME) made ASCII. */
export function normalizeDocumentNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
}

export function checkDocumentNumber(documentType: DocumentType, country: string | null, value: string): Issue[] {
  const field = 'documentNumber'
  const normalized = normalizeDocumentNumber(value)
  const pattern = documentType === 'passport' ? passportNumber : otherIdCardNumber
  if (!pattern.test(normalized)) {
    const format = documentType === 'passport' ? 'passport' : 'id-card'
    return [issue(field, 'document-number.format', { format })]
  }
  const issues: Issue[] = []
  if (normalized !== value) issues.push(issue(field, 'not-normalized', { suggested: normalized }))
  if (documentType === 'passport' && country === 'CHN' && !cnPassportNumber.test(normalized)) {
    issues.push(issue(field, 'document-number.unusual-cn-passport', {}))
  }
  return issues
}
