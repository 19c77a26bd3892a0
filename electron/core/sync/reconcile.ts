import type { IdentityData } from '../../../shared/domain/identity'
import type { ImageSlot } from '../../../shared/domain/images'
import type { PlatformEcho } from '../platform-client/from-wire'

/** What the app sent: the identity of authnew step 1 and the references of steps 2-4. */
export interface SentRecord {
  readonly identity: IdentityData
  readonly references: Readonly<Record<ImageSlot, string>>
}

/** Operator-facing names of the fields reconciliation compares, in form order. */
const fieldLabels = {
  country: 'country',
  surname: 'surname',
  givenName: 'given name',
  documentNumber: 'document number',
  birthday: 'date of birth',
  gender: 'gender',
  chineseMainland: 'mainland document',
  issueDate: 'issue date',
  validity: 'validity',
  front: 'front image',
  back: 'back image',
  hand: 'hand-held image',
} as const
export type ReconciledField = keyof typeof fieldLabels

/**
 * An image reference matches when it is what was sent, or a URL of the object key that was sent:
 * a platform may store the key and echo a full URL for display, which is not a discrepancy.
 */
function sameReference(sent: string, echoed: string | null): boolean {
  if (echoed === null) return false
  if (echoed === sent) return true
  if (!/^https?:\/\//i.test(echoed) || /^https?:\/\//i.test(sent)) return false
  try {
    return decodeURIComponent(new URL(echoed).pathname).endsWith(`/${sent}`)
  } catch {
    return false
  }
}

function sameValidity(identity: IdentityData, echo: PlatformEcho): boolean {
  if (identity.validity.kind === 'long-term') return echo.longTerm === true && (echo.expiryDate ?? '') === ''
  return echo.longTerm === false && echo.expiryDate === identity.validity.expiryDate
}

/**
 * The fields where the platform's record differs from what was sent, in form order; empty when
 * it holds exactly our data. Text is compared as sent (the platform must not rewrite names);
 * only the document number's check letter may come back in the other case.
 */
export function findMismatches(sent: SentRecord, echo: PlatformEcho): ReconciledField[] {
  const { identity } = sent
  const same: Record<ReconciledField, boolean> = {
    country: echo.country === identity.country,
    surname: echo.surname === identity.surname,
    givenName: echo.givenName === identity.givenName,
    documentNumber: echo.documentNumber?.toUpperCase() === identity.documentNumber.toUpperCase(),
    birthday: echo.birthday === identity.birthday,
    gender: echo.gender === identity.gender,
    chineseMainland: echo.chineseMainland === identity.chineseMainland,
    issueDate: echo.issueDate === identity.issueDate,
    validity: sameValidity(identity, echo),
    front: sameReference(sent.references.front, echo.images.front),
    back: sameReference(sent.references.back, echo.images.back),
    hand: sameReference(sent.references.hand, echo.images.hand),
  }
  return (Object.keys(fieldLabels) as ReconciledField[]).filter((field) => !same[field])
}

export const RECONCILE_MISMATCH = 'RECONCILE_MISMATCH'

/** Names the fields, never their values: the message is stored and may be logged. */
export function mismatchMessage(fields: readonly ReconciledField[]): string {
  return `The platform's record does not match what was sent: ${fields.map((f) => fieldLabels[f]).join(', ')}. Check the applicant and sync again.`
}
