import type { ChipCard } from '../domain/id-card'
import type { Gender, Validity } from '../domain/identity'
import { sameName, type NameSplit } from './chip-name-split'
import { permitRegionOf } from './permit-numbers'

/**
 * What the capture form says once a chip is read: every identity field the chip decides, in the
 * form's terms. Resident cards are mainland `id_card`s of CHN; permit cards are `id_card`s of their
 * region or nationality (taken by the platform only where an admin says so, see chip-checks.ts).
 */
export interface ChipIdentity {
  country: string
  surname: string
  givenName: string
  documentType: 'id_card'
  documentNumber: string
  birthday: string
  gender: Gender | null
  chineseMainland: boolean
  issueDate: string
  validity: Validity | { kind: 'until'; expiryDate: string }
}

/** `YYYYMMDD` as `YYYY-MM-DD`; anything else unchanged, for the date rules to name. */
export function chipDateToIso(value: string): string {
  return /^\d{8}$/.test(value) ? `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}` : value
}

function countryOf(card: ChipCard): string {
  switch (card.kind) {
    case 'resident':
      return 'CHN'
    case 'hmt-permit':
      return permitRegionOf(card.number) ?? 'CHN'
    default:
      return card.nationality ?? ''
  }
}

/** The chip's name for the form: Chinese where the card has one, else the English name. */
export function chipName(card: ChipCard): string {
  return card.kind === 'foreign-2017' || card.kind === 'foreign-2023' ? (card.nameEn ?? card.nameZh ?? '') : (card.nameZh ?? card.nameEn ?? '')
}

export function chipIdentity(card: ChipCard, split: Pick<NameSplit, 'surname' | 'givenName'>): ChipIdentity {
  return {
    country: countryOf(card),
    surname: split.surname,
    givenName: split.givenName,
    documentType: 'id_card',
    documentNumber: card.number,
    birthday: chipDateToIso(card.birth),
    gender: card.sexCode === '1' ? 'male' : card.sexCode === '2' ? 'female' : null,
    chineseMainland: card.kind === 'resident',
    issueDate: chipDateToIso(card.validFrom),
    validity: card.validTo === 'long-term' ? { kind: 'long-term' } : { kind: 'until', expiryDate: chipDateToIso(card.validTo) },
  }
}

/** The fields a chip fills, as the form names them (the expiry date sits inside `validity`). */
export const chipFields = ['name', 'country', 'documentNumber', 'birthday', 'gender', 'issueDate', 'validity'] as const
export type ChipField = (typeof chipFields)[number]

/** The form's identity as far as the chip fields go: what typing may have put there. */
export interface FormIdentityView {
  country?: string | null
  surname?: string | null
  givenName?: string | null
  documentNumber?: string | null
  birthday?: string | null
  gender?: Gender | null
  issueDate?: string | null
  validity?: { kind: 'long-term' } | { kind: 'until'; expiryDate?: string | null } | null
}

export interface ChipDifference {
  readonly field: ChipField
  readonly form: string
  readonly chip: string
}

const validityText = (v: FormIdentityView['validity']): string => (v?.kind === 'long-term' ? '长期' : (v?.expiryDate ?? '').trim())

/** Field by field, where the form says something other than the chip (blank form fields do not count). */
export function chipDifferences(form: FormIdentityView, card: ChipCard, split: Pick<NameSplit, 'surname' | 'givenName'>): ChipDifference[] {
  const chip = chipIdentity(card, split)
  const name = chipName(card)
  const out: ChipDifference[] = []
  const formName = `${form.surname ?? ''}${form.givenName ?? ''}`.trim()
  if (formName !== '' && !sameName(name, form.surname ?? '', form.givenName ?? '')) {
    out.push({ field: 'name', form: [form.surname, form.givenName].filter(Boolean).join(' '), chip: name })
  }
  const pairs: [ChipField, string, string][] = [
    ['country', (form.country ?? '').trim(), chip.country],
    ['documentNumber', (form.documentNumber ?? '').trim().toUpperCase(), chip.documentNumber],
    ['birthday', (form.birthday ?? '').trim(), chip.birthday],
    ['gender', form.gender ?? '', chip.gender ?? ''],
    ['issueDate', (form.issueDate ?? '').trim(), chip.issueDate],
    ['validity', validityText(form.validity), validityText(chip.validity)],
  ]
  for (const [field, typed, fromChip] of pairs) {
    if (typed !== '' && typed !== fromChip) out.push({ field, form: typed, chip: fromChip })
  }
  return out
}
