import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { CaptureIdentity } from '../../../shared/contract'
import type { ChipCard } from '../../../shared/domain/id-card'
import type { IdentityValidation } from '../../../shared/identity'
import { checkChipRead } from '../../../shared/identity/chip-checks'
import type { NameSplit } from '../../../shared/identity/chip-name-split'

/**
 * The chip read into the draft on screen: the card, the operator's name split and the photo shown
 * for comparison. State only, so the capture store can add the chip rules to its validation
 * without depending on the reader's actions.
 */
export const useChipReadStore = defineStore('chip-read', () => {
  const draftId = ref<string | null>(null)
  const card = ref<ChipCard | null>(null)
  const split = ref<NameSplit | null>(null)
  const photoDataUrl = ref<string | null>(null)
  const acceptResidencePermits = ref(false)

  function set(read: { draftId: string; card: ChipCard; split: NameSplit; photoDataUrl: string | null }): void {
    draftId.value = read.draftId
    card.value = read.card
    split.value = read.split
    photoDataUrl.value = read.photoDataUrl
  }

  function clear(): void {
    draftId.value = null
    card.value = null
    split.value = null
    photoDataUrl.value = null
  }

  /** The chip rules for this draft's form; none when the chip on record belongs to another draft. */
  function issuesFor(currentDraft: string | null, identity: CaptureIdentity) {
    if (!card.value || !split.value || currentDraft === null || currentDraft !== draftId.value) return []
    return checkChipRead(card.value, split.value, identity, { acceptResidencePermits: acceptResidencePermits.value })
  }

  return { draftId, card, split, photoDataUrl, acceptResidencePermits, set, clear, issuesFor }
})

/** The identity rules' verdict with the chip rules added: a chip error makes the identity incomplete. */
export function withChipIssues(validation: IdentityValidation, chipIssues: IdentityValidation['issues']): IdentityValidation {
  if (chipIssues.length === 0) return validation
  const issues = [...validation.issues, ...chipIssues]
  if (chipIssues.some((found) => found.severity === 'error')) return { status: 'incomplete', issues, suggestions: validation.suggestions }
  return { ...validation, issues }
}
