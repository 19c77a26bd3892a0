import type { PlatformRecord } from '../../../shared/contract/applicant-edit'
import type { IdentityData } from '../../../shared/domain/identity'
import { imageSlots, type ImageSlot } from '../../../shared/domain/images'
import { maskTail } from '../log/redact'
import type { PlatformEcho } from '../platform-client/from-wire'
import { findMismatches, type ReconciledField } from '../sync/reconcile'

type Row = PlatformRecord['rows'][number]

const identityFields = [
  'country',
  'surname',
  'givenName',
  'documentNumber',
  'birthday',
  'gender',
  'chineseMainland',
  'issueDate',
  'validity',
] as const satisfies readonly ReconciledField[]

/** An object key or URL shown by its last segment: the rest embeds the platform uid. */
function imageName(reference: string | null): string | null {
  if (reference === null || reference === '') return reference
  const path = reference.replace(/[?#].*$/, '')
  return path.slice(path.lastIndexOf('/') + 1)
}

function yesNo(value: boolean | null): string | null {
  return value === null ? null : value ? 'yes' : 'no'
}

function sentValue(identity: IdentityData, field: (typeof identityFields)[number]): string {
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

function echoedValue(echo: PlatformEcho, field: (typeof identityFields)[number]): string | null {
  switch (field) {
    case 'documentNumber':
      return echo.documentNumber === null ? null : maskTail(echo.documentNumber)
    case 'chineseMainland':
      return yesNo(echo.chineseMainland)
    case 'validity':
      if (echo.longTerm === true) return 'long-term'
      return echo.expiryDate === null || echo.expiryDate === '' ? null : echo.expiryDate
    default:
      return echo[field]
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
): PlatformRecord {
  const mismatched = new Set(findMismatches(sent, echo))
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
