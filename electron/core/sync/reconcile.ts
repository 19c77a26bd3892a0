import type { IdentityData } from '../../../shared/domain/identity'
import type { ImageSlot } from '../../../shared/domain/images'
import { reconciledFields, type ReconciledField, type ReconcileRule } from '../../../shared/domain/reconcile-rules'
import type { EchoValue, PlatformEcho } from '../platform-client/from-wire'
import { readFlag, readGender, sameDay, sameImage, sameMasked } from './reconcile-rules'

export type { ReconciledField } from '../../../shared/domain/reconcile-rules'

/** What the app sent: the identity of authnew step 1, the references of steps 2-4 and the keys they point at. */
export interface SentRecord {
  readonly identity: IdentityData
  readonly references: Readonly<Record<ImageSlot, string>>
  readonly objectKeys: Readonly<Record<ImageSlot, string>>
}

export interface Mismatch {
  readonly field: ReconciledField
  readonly rule: ReconcileRule
}

/** Operator-facing names of the fields reconciliation compares. */
const fieldLabels: Readonly<Record<ReconciledField, string>> = {
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
}

function sameText(ours: string, echoed: EchoValue, rule: ReconcileRule): boolean {
  return rule === 'exact' ? echoed === ours : sameMasked(ours, echoed)
}

function sameDate(ours: string, echoed: EchoValue, rule: ReconcileRule): boolean {
  return rule === 'exact' ? echoed === ours : sameDay(ours, echoed)
}

function sameFlag(ours: boolean, echoed: EchoValue, rule: ReconcileRule): boolean {
  return rule === 'exact' ? echoed === (ours ? 1 : 0) : readFlag(echoed) === ours
}

/** Long-term: flag 1 and no expiry. Otherwise flag 0 and the expiry day; the flag is read as the date rule reads codes. */
function sameValidity(identity: IdentityData, echo: PlatformEcho, rule: ReconcileRule): boolean {
  const noExpiry = echo.expiryDate === null || echo.expiryDate === ''
  if (identity.validity.kind === 'long-term') return sameFlag(true, echo.longTerm, rule === 'exact' ? 'exact' : 'code') && noExpiry
  return sameFlag(false, echo.longTerm, rule === 'exact' ? 'exact' : 'code') && sameDate(identity.validity.expiryDate, echo.expiryDate, rule)
}

function matches(field: ReconciledField, rule: ReconcileRule, sent: SentRecord, echo: PlatformEcho): boolean {
  const { identity } = sent
  switch (field) {
    case 'country':
    case 'surname':
    case 'givenName':
    case 'documentNumber':
      return sameText(identity[field], echo[field], rule)
    case 'birthday':
    case 'issueDate':
      return sameDate(identity[field], echo[field], rule)
    case 'gender':
      return rule === 'exact' ? echo.gender === (identity.gender === 'male' ? 1 : 2) : readGender(echo.gender) === identity.gender
    case 'chineseMainland':
      return sameFlag(identity.chineseMainland, echo.chineseMainland, rule)
    case 'validity':
      return sameValidity(identity, echo, rule)
    case 'front':
    case 'back':
    case 'hand':
      return rule === 'exact' ? echo.images[field] === sent.references[field] : sameImage(sent.references[field], sent.objectKeys[field], echo.images[field])
  }
}

/** The fields where the platform's record differs from what was sent under each field's rule, in form order. */
export function findMismatches(sent: SentRecord, echo: PlatformEcho, rules: Readonly<Record<ReconciledField, ReconcileRule>>): Mismatch[] {
  return reconciledFields.filter((field) => !matches(field, rules[field], sent, echo)).map((field) => ({ field, rule: rules[field] }))
}

export const RECONCILE_MISMATCH = 'RECONCILE_MISMATCH'

/** Names the fields and their rules, never their values: the message is stored and may be logged. */
export function mismatchMessage(mismatches: readonly Mismatch[]): string {
  const named = mismatches.map((m) => `${fieldLabels[m.field]} (${m.rule} rule)`).join(', ')
  return `The platform's record does not match what was sent: ${named}. Check the applicant and sync again.`
}
