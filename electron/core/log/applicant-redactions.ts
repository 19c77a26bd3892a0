import type { AccountBinding, IdentityData } from '../../../shared/domain/identity'
import { maskTail, type Redaction } from './redact'

const nameMask = '••••'

/**
 * One applicant's own values as a platform or OSS refusal may quote them back: its token, the document
 * number of any type (a passport number is not shaped like an ID number, so the redactor's
 * pattern misses it) and the name in the orders and spacings platforms print it. Matched without
 * regard to case ("ZHANG SAN" for Zhang San); longest first, so a full name goes before its parts.
 * A one-character part (a Chinese surname such as 张) is left: masking it everywhere would wreck
 * the message, and the full name is masked anyway.
 */
export function applicantRedactions(applicant: {
  readonly identity: Pick<IdentityData, 'surname' | 'givenName' | 'documentNumber'>
  readonly binding?: Pick<AccountBinding, 'token'>
}): Redaction[] {
  const { identity, binding } = applicant
  const surname = identity.surname.trim()
  const given = identity.givenName.trim()
  const names = [`${surname}${given}`, `${given}${surname}`, `${surname} ${given}`, `${given} ${surname}`, `${surname}, ${given}`, surname, given]
  const out = new Map<string, Redaction>()
  if (binding && binding.token.length >= 2) out.set(binding.token.toLowerCase(), { value: binding.token, mask: maskTail(binding.token), wholeWord: false })
  const number = identity.documentNumber.trim()
  if (number.length >= 2) out.set(number.toLowerCase(), { value: number, mask: maskTail(number), wholeWord: false })
  for (const name of names) {
    if ([...name].length >= 2 && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), { value: name, mask: nameMask, wholeWord: true })
  }
  return [...out.values()].sort((a, b) => b.value.length - a.value.length)
}
