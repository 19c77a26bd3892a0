import type { ImageSlot } from '../../../shared/domain/images'
import type { AuthInfo } from './platform-client'

/** A value as the platform sent it: reconciliation's rules (sync/reconcile-rules.ts) read it. */
export type EchoValue = string | number | null

/**
 * The platform's record of an applicant (`authinfoNew`) in domain names, values as sent. Every
 * field may be missing: the platform fills only what it holds, and a field it drops is exactly
 * what reconciliation must notice, so nothing is defaulted or coerced here.
 */
export interface PlatformEcho {
  readonly country: EchoValue
  readonly surname: EchoValue
  readonly givenName: EchoValue
  readonly documentNumber: EchoValue
  readonly birthday: EchoValue
  /** 1 male, 2 female, in whatever form the platform sends. */
  readonly gender: EchoValue
  readonly chineseMainland: EchoValue
  readonly issueDate: EchoValue
  readonly longTerm: EchoValue
  /** Empty string or null for a document valid for life (docs/platform-api/CONTRACT.md decision). */
  readonly expiryDate: EchoValue
  readonly images: Readonly<Record<ImageSlot, EchoValue>>
}

export function echoFromAuthInfo(info: AuthInfo): PlatformEcho {
  return {
    country: info.country ?? null,
    surname: info.firstName ?? null,
    givenName: info.secondName ?? null,
    documentNumber: info.idNumber ?? null,
    birthday: info.birthday ?? null,
    gender: info.gender ?? null,
    chineseMainland: info.isChina ?? null,
    issueDate: info.singnTime ?? null,
    longTerm: info.isAllTime ?? null,
    expiryDate: info.outofTime ?? null,
    images: { front: info.positiveImages ?? null, back: info.oppositeImages ?? null, hand: info.handImages ?? null },
  }
}
