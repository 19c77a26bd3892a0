import type { DocumentType, IsoDate, Validity } from '../domain/identity'
import { addYears, compareIsoDates, fullYearsBetween, parseIsoDate, requireToday, toIsoDate, type CalendarDate } from './dates'
import { issue, type ExpectedValidity, type Issue } from './issues'

/** Second-generation cards were first issued under the Resident Identity Card Law in force from 2004-01-01. */
const secondGenerationCardsFrom = '2004-01-01'

/**
 * A document's dates as far as they are known: the form checks live while fields are still empty,
 * so every rule runs as soon as its own inputs are there. Dates must be real (the caller reports
 * malformed ones and passes null).
 */
export interface DocumentDates {
  documentType: DocumentType | null
  chineseMainland: boolean
  issueDate: IsoDate | null
  validity: Validity | null
  /** The holder's birthday (from the ID number when there is one). */
  birthday: IsoDate | null
}

/**
 * The period the Resident Identity Card Law (Art. 5) sets by age at issue: under 16, 5 years;
 * 16-25, 10; 26-45, 20; 46 and over, long-term. The card runs to the same day N years on.
 */
export function legalCnIdValidity(birthday: IsoDate, issueDate: IsoDate): ExpectedValidity | null {
  const born = parseIsoDate(birthday)
  const issued = parseIsoDate(issueDate)
  return born && issued && fullYearsBetween(born, issued) >= 0 ? expectedFor(born, issued) : null
}

function expectedFor(birthday: CalendarDate, issueDate: CalendarDate): ExpectedValidity {
  const age = fullYearsBetween(birthday, issueDate)
  if (age >= 46) return { kind: 'long-term' }
  const years = age < 16 ? 5 : age <= 25 ? 10 : 20
  return { kind: 'years', years, expiryDate: toIsoDate(addYears(issueDate, years)) }
}

function matchesExpected(expected: ExpectedValidity, actual: Validity, issueDate: CalendarDate): boolean {
  if (expected.kind === 'long-term' || actual.kind === 'long-term') return expected.kind === actual.kind
  if (actual.expiryDate === expected.expiryDate) return true
  // A card issued on 29 February: offices may end it on 28 February or 1 March; both are right.
  const leapDayIssue = issueDate.month === 2 && issueDate.day === 29
  return leapDayIssue && actual.expiryDate === `${expected.expiryDate.slice(0, 4)}-03-01`
}

/** Injected `today`: the renderer and main must agree, and tests must not depend on the clock. */
export function checkDocumentDates(dates: DocumentDates, options: { today: IsoDate }): Issue[] {
  const today = toIsoDate(requireToday(options.today))
  const { documentType, issueDate, validity, birthday } = dates
  const cnIdCard = dates.chineseMainland && documentType === 'id_card'
  const issues: Issue[] = []

  if (issueDate !== null) {
    if (compareIsoDates(issueDate, today) > 0) issues.push(issue('issueDate', 'date.future', { value: issueDate, today }))
    if (birthday !== null && compareIsoDates(issueDate, birthday) < 0) {
      issues.push(issue('issueDate', 'issue-date.before-birth', { issueDate, birthday }))
    }
    if (cnIdCard && compareIsoDates(issueDate, secondGenerationCardsFrom) < 0) {
      issues.push(issue('issueDate', 'issue-date.first-generation-cn-id', { issueDate }))
    }
  }

  if (validity?.kind === 'long-term' && documentType === 'passport') {
    issues.push(issue('validity', 'validity.long-term-not-allowed', { documentType }))
  }
  if (validity?.kind === 'until') {
    const { expiryDate } = validity
    if (issueDate !== null && compareIsoDates(expiryDate, issueDate) <= 0) {
      issues.push(issue('expiryDate', 'expiry-date.not-after-issue', { issueDate, expiryDate }))
    } else if (compareIsoDates(expiryDate, today) < 0) {
      // The expiry date is the last day the document is valid, so expiring today is still valid.
      issues.push(issue('expiryDate', 'expiry-date.expired', { expiryDate, today }))
    }
  }

  const born = birthday === null ? null : parseIsoDate(birthday)
  const issued = issueDate === null ? null : parseIsoDate(issueDate)
  if (cnIdCard && validity !== null && born && issued && fullYearsBetween(born, issued) >= 0) {
    const expected = expectedFor(born, issued)
    if (!matchesExpected(expected, validity, issued)) {
      const field = validity.kind === 'until' ? 'expiryDate' : 'validity'
      const ageAtIssue = fullYearsBetween(born, issued)
      issues.push(issue(field, 'validity.legal-period-mismatch', { ageAtIssue, expected, actual: validity }))
    }
  }
  return issues
}
