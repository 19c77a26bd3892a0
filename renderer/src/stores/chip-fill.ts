import type { CaptureIdentity } from '../../../shared/contract'
import type { ChipCard } from '../../../shared/domain/id-card'
import { chipIdentity } from '../../../shared/identity/chip-identity'
import type { NameSplit } from '../../../shared/identity/chip-name-split'

/** Whether the operator has put anything into the identity fields a chip would fill. */
export function hasTypedIdentity(identity: CaptureIdentity): boolean {
  const texts = [identity.surname, identity.givenName, identity.documentNumber, identity.birthday, identity.issueDate]
  return texts.some((value) => (value ?? '').trim() !== '') || identity.gender != null
}

/** Writes what the chip says into the form, every chip field; the MRZ (another source) is cleared. */
export function fillFromChip(identity: CaptureIdentity, card: ChipCard, split: Pick<NameSplit, 'surname' | 'givenName'>): void {
  const chip = chipIdentity(card, split)
  identity.country = chip.country
  identity.surname = chip.surname
  identity.givenName = chip.givenName
  identity.documentType = chip.documentType
  identity.documentNumber = chip.documentNumber
  identity.birthday = chip.birthday
  identity.gender = chip.gender
  identity.chineseMainland = chip.chineseMainland
  identity.issueDate = chip.issueDate
  identity.validity = chip.validity.kind === 'long-term' ? { kind: 'long-term' } : { kind: 'until', expiryDate: chip.validity.expiryDate }
  identity.mrz = ''
}
