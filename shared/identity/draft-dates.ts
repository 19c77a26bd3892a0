import type { IsoDate } from '../domain/identity'
import { compareIsoDates, fullYearsBetween, hasIsoDateShape, parseIsoDate, requireToday } from './dates'
import { issue, type Issue, type IssueField } from './issues'

/** Older than any living person: almost certainly a typo (1099 for 1990), but still the operator's call. */
const implausibleAge = 120

/** A date field read for further rules: the real date, or null with what is wrong with the text. */
export function readDateField(field: IssueField, value: string | null): { date: IsoDate | null; issues: Issue[] } {
  if (value === null) return { date: null, issues: [] }
  if (!hasIsoDateShape(value)) return { date: null, issues: [issue(field, 'date.format', { value })] }
  if (!parseIsoDate(value)) return { date: null, issues: [issue(field, 'date.impossible', { value })] }
  return { date: value, issues: [] }
}

export function checkBirthday(birthday: IsoDate, today: IsoDate): Issue[] {
  if (compareIsoDates(birthday, today) > 0) return [issue('birthday', 'date.future', { value: birthday, today })]
  const born = parseIsoDate(birthday)
  const age = born ? fullYearsBetween(born, requireToday(today)) : 0
  return age > implausibleAge ? [issue('birthday', 'birthday.implausible-age', { age })] : []
}
