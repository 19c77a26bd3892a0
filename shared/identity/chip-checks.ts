import type { ChipCard } from '../domain/id-card'
import { chipDifferences, type ChipField, type FormIdentityView } from './chip-identity'
import type { NameSplit } from './chip-name-split'
import { issue, type Issue, type IssueField } from './issues'
import { checkPermitNumber } from './permit-numbers'

/**
 * The rules a chip read adds to the identity rules, for the capture screen (live) and for main
 * (before queueing, from the read main itself holds). The number, birthday, sex and validity the
 * chip filled are judged by the identity rules like any typed value; this adds the card type the
 * platform takes, the permit numbers where it takes them, and edits to what the chip said.
 */
export interface ChipCheckOptions {
  /** The admin setting: the platform takes permits as resident identity cards (`currentLocation` 1). */
  readonly acceptResidencePermits: boolean
}

const issueFieldOf: Record<ChipField, IssueField> = {
  name: 'surname',
  country: 'country',
  documentNumber: 'documentNumber',
  birthday: 'birthday',
  gender: 'gender',
  issueDate: 'issueDate',
  validity: 'validity',
}

export function checkChipRead(
  card: ChipCard,
  split: Pick<NameSplit, 'surname' | 'givenName' | 'confident'>,
  form: FormIdentityView,
  options: ChipCheckOptions,
): Issue[] {
  const issues: Issue[] = []
  if (card.kind !== 'resident') {
    if (!options.acceptResidencePermits) issues.push(issue('documentType', 'chip.card-not-accepted', { kind: card.kind }))
    else {
      const problem = checkPermitNumber(card.kind, card.number, card.birth)
      if (problem) issues.push(issue('documentNumber', 'chip.permit-number', { kind: card.kind, problem }))
    }
  }
  // Main proposes the split again and cannot see the screen: the confirmation comes as the override.
  if (!split.confident) {
    issues.push(issue('surname', 'chip.split-unconfirmed', { surname: form.surname ?? split.surname, givenName: form.givenName ?? split.givenName }))
  }
  for (const difference of chipDifferences(form, card, split)) {
    issues.push(issue(issueFieldOf[difference.field], 'chip.edited', { chipValue: difference.chip }))
  }
  return issues
}
