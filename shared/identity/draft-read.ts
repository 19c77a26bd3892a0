import type { DocumentType, Gender } from '../domain/identity'
import type { IdentityDraft } from './draft'

/** A draft with text trimmed and blanks as null: an empty input is a missing value, not a wrong one. */
export interface ReadDraft {
  country: string | null
  surname: string | null
  givenName: string | null
  documentType: DocumentType | null
  documentNumber: string | null
  birthday: string | null
  gender: Gender | null
  chineseMainland: boolean | null
  issueDate: string | null
  validity: { kind: 'long-term' } | { kind: 'until'; expiryDate: string | null } | null
  mrz: string | null
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

export function readDraft(draft: IdentityDraft): ReadDraft {
  const validity = draft.validity ?? null
  return {
    country: text(draft.country),
    surname: text(draft.surname),
    givenName: text(draft.givenName),
    documentType: draft.documentType ?? null,
    documentNumber: text(draft.documentNumber),
    birthday: text(draft.birthday),
    gender: draft.gender ?? null,
    chineseMainland: draft.chineseMainland ?? null,
    issueDate: text(draft.issueDate),
    validity: validity?.kind === 'until' ? { kind: 'until', expiryDate: text(validity.expiryDate) } : validity,
    // MRZ line breaks carry meaning: keep the text whole, only drop a blank one.
    mrz: draft.mrz?.trim() ? draft.mrz : null,
  }
}
