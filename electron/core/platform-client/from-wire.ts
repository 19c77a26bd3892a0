import type { Gender } from '../../../shared/domain/identity'
import type { ImageSlot } from '../../../shared/domain/images'
import type { AuthInfo } from './platform-client'

/**
 * The platform's record of an applicant (`authinfoNew`) in domain names, for reconciliation.
 * Every field may be missing: the platform fills only what it holds, and a field it drops is
 * exactly what reconciliation must notice, so nothing is defaulted here.
 */
export interface PlatformEcho {
  readonly country: string | null
  readonly surname: string | null
  readonly givenName: string | null
  readonly documentNumber: string | null
  readonly birthday: string | null
  readonly gender: Gender | null
  readonly chineseMainland: boolean | null
  readonly issueDate: string | null
  readonly longTerm: boolean | null
  /** Empty string or null for a document valid for life (docs/platform-api/CONTRACT.md decision). */
  readonly expiryDate: string | null
  readonly images: Readonly<Record<ImageSlot, string | null>>
}

function flag(value: number | null | undefined): boolean | null {
  if (value === 1) return true
  if (value === 0) return false
  return null
}

export function echoFromAuthInfo(info: AuthInfo): PlatformEcho {
  return {
    country: info.country ?? null,
    surname: info.firstName ?? null,
    givenName: info.secondName ?? null,
    documentNumber: info.idNumber ?? null,
    birthday: info.birthday ?? null,
    gender: info.gender === 1 ? 'male' : info.gender === 2 ? 'female' : null,
    chineseMainland: flag(info.isChina),
    issueDate: info.singnTime ?? null,
    longTerm: flag(info.isAllTime),
    expiryDate: info.outofTime ?? null,
    images: { front: info.positiveImages ?? null, back: info.oppositeImages ?? null, hand: info.handImages ?? null },
  }
}
