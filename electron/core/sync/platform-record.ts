import type { PlatformRecord } from '../../../shared/contract/applicant-edit'
import type { IdentityData } from '../../../shared/domain/identity'
import { imageSlots, type ImageSlot } from '../../../shared/domain/images'
import { maskTail } from '../log/redact'
import { reconciledFields, type ReconcileRule } from '../../../shared/domain/reconcile-rules'
import type { EchoValue, PlatformEcho } from '../platform-client/from-wire'
import { findMismatches, type ReconciledField } from './reconcile'
import { dayOf, readFlag, readGender } from './reconcile-rules'

type Row = PlatformRecord['rows'][number]

type IdentityField = Exclude<ReconciledField, ImageSlot>
/** The compared fields that are not images, in form order. */
const identityFields = reconciledFields.filter((field): field is IdentityField => !(imageSlots as readonly string[]).includes(field))

/** An object key or URL shown by its last segment: the rest embeds the platform uid. */
function imageName(value: EchoValue): string | null {
  if (value === null || value === '') return value === null ? null : ''
  const reference = String(value)
  const path = reference.replace(/[?#].*$/, '')
  return path.slice(path.lastIndexOf('/') + 1)
}

function yesNo(value: boolean | null): string | null {
  return value === null ? null : value ? 'yes' : 'no'
}

function sentValue(identity: IdentityData, field: IdentityField): string {
  switch (field) {
    case 'documentNumber':
      return maskTail(identity.documentNumber)
    case 'chineseMainland':
      return identity.chineseMainland ? 'yes' : 'no'
    case 'validity':
      return identity.validity.kind === 'long-term' ? 'long-term' : identity.validity.expiryDate
    default:
      return identity[field]
  }
}

/** The platform's value in the form ours is shown in where the rules can read it, else as sent. */
function echoedValue(echo: PlatformEcho, field: IdentityField): string | null {
  const asSent = (value: EchoValue) => (value === null ? null : String(value))
  switch (field) {
    case 'documentNumber':
      return echo.documentNumber === null ? null : maskTail(String(echo.documentNumber))
    case 'chineseMainland':
      return yesNo(readFlag(echo.chineseMainland)) ?? asSent(echo.chineseMainland)
    case 'gender':
      return readGender(echo.gender) ?? asSent(echo.gender)
    case 'birthday':
    case 'issueDate':
      return dayOf(echo[field]) ?? asSent(echo[field])
    case 'validity':
      if (readFlag(echo.longTerm) === true) return 'long-term'
      return echo.expiryDate === null || echo.expiryDate === '' ? null : (dayOf(echo.expiryDate) ?? String(echo.expiryDate))
    default:
      return asSent(echo[field])
  }
}

/**
 * What was sent beside what the platform holds, field by field, with the same comparison the
 * reconcile step uses. The document number is masked on both sides, images shown by file name.
 */
export function comparePlatformRecord(
  sent: { identity: IdentityData; references: Record<ImageSlot, string> },
  echo: PlatformEcho,
  fetchedAt: number,
  rules: Readonly<Record<ReconciledField, ReconcileRule>>,
): PlatformRecord {
  // The detail view reads the stored object keys, which are also what was referenced.
  const mismatched = new Set(findMismatches({ ...sent, objectKeys: sent.references }, echo, rules).map((m) => m.field))
  const rows: Row[] = [
    ...identityFields.map((field): Row => ({
      field,
      sent: sentValue(sent.identity, field),
      echoed: echoedValue(echo, field),
      match: !mismatched.has(field),
    })),
    ...imageSlots.map((slot): Row => ({
      field: slot,
      sent: imageName(sent.references[slot]),
      echoed: imageName(echo.images[slot]),
      match: !mismatched.has(slot),
    })),
  ]
  return { fetchedAt, rows }
}
