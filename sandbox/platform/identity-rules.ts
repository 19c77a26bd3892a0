import type { IdentityFields } from '../store/kyc-records'
import { isCalendarDate } from './calendar'
import type { FieldProblem } from './field-messages'
import { readResidentIdNumber } from './gb11643'

const OTHER_DOCUMENT_NUMBER = /^[A-Za-z0-9()-]{4,32}$/

/**
 * Rules across step-1 fields that a careful platform applies once each field has the right shape.
 * `today` is `YYYY-MM-DD` on the platform's calendar. Returns the first problem, or null.
 */
export function findIdentityProblem(identity: IdentityFields, today: string): FieldProblem | null {
  const mainlandIdCard = identity.isChina === 1 && identity.currentLocation === 1

  if (identity.isChina === 1 && identity.country !== 'CHN') return { field: 'country', rule: 'chinaNeedsChn' }

  if (mainlandIdCard) {
    const reading = readResidentIdNumber(identity.idNumber)
    if (!reading.valid) return { field: 'idNumber', rule: reading.problem }
    if (reading.birthDate !== identity.birthday) return { field: 'idNumber', rule: 'idBirthday' }
    if (reading.gender !== identity.gender) return { field: 'idNumber', rule: 'idGender' }
  } else if (!OTHER_DOCUMENT_NUMBER.test(identity.idNumber)) {
    return { field: 'idNumber', rule: 'documentNumber' }
  }

  // ISO dates compare correctly as strings.
  if (identity.birthday < '1900-01-01' || identity.birthday > today) return { field: 'birthday', rule: 'birthdayRange' }
  if (identity.singnTime < identity.birthday || identity.singnTime > today) return { field: 'singnTime', rule: 'issueRange' }

  if (identity.isAllTime === 1) {
    if (identity.outofTime !== '') return { field: 'outofTime', rule: 'emptyWhenLongTerm' }
  } else {
    if (identity.outofTime === '') return { field: 'outofTime', rule: 'requiredWhenDated' }
    if (!isCalendarDate(identity.outofTime)) return { field: 'outofTime', rule: 'date' }
    if (identity.outofTime <= identity.singnTime) return { field: 'outofTime', rule: 'expiryAfterIssue' }
    // The expiry day itself is still a valid day.
    if (identity.outofTime < today) return { field: 'outofTime', rule: 'expired' }
  }
  return null
}
