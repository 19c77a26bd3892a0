import type { IdentityData, PlatformLanguage } from '../../../shared/domain/identity'
import type { ImageSlot } from '../../../shared/domain/images'
import type { WireParams } from './wire-schemas'

/** authnew step 1: the identity data in the platform's names (`firstName` is the surname). */
export function identityToWire(identity: IdentityData): WireParams {
  const longTerm = identity.validity.kind === 'long-term'
  return {
    step: 1,
    country: identity.country,
    firstName: identity.surname,
    secondName: identity.givenName,
    idNumber: identity.documentNumber,
    birthday: identity.birthday,
    gender: identity.gender === 'male' ? 1 : 2,
    isChina: identity.chineseMainland ? 1 : 0,
    singnTime: identity.issueDate,
    // docs/platform-api/CONTRACT.md decision: an empty expiry when the document is valid for life.
    outofTime: identity.validity.kind === 'until' ? identity.validity.expiryDate : '',
    isAllTime: longTerm ? 1 : 0,
    currentLocation: identity.documentType === 'id_card' ? 1 : 2,
  }
}

const imageSteps: Record<ImageSlot, { step: 2 | 3 | 4; field: 'positiveImages' | 'oppositeImages' | 'handImages' }> = {
  front: { step: 2, field: 'positiveImages' },
  back: { step: 3, field: 'oppositeImages' },
  hand: { step: 4, field: 'handImages' },
}

export function imageStepOf(slot: ImageSlot): 2 | 3 | 4 {
  return imageSteps[slot].step
}

/** authnew steps 2-4: one image reference each, with the mainland flag the platform asks for again. */
export function imageToWire(slot: ImageSlot, reference: string, chineseMainland: boolean): WireParams {
  const { step, field } = imageSteps[slot]
  return { step, [field]: reference, isChina: chineseMainland ? 1 : 0 }
}

export function credentialsToWire(uid: string, token: string, language: PlatformLanguage): WireParams {
  return { uid, token, local: language }
}
