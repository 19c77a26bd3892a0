import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import type { IpcError, ReaderRead, ReaderStatus } from '../../../shared/contract'
import type { ChipCard, IdCardReadFailure } from '../../../shared/domain/id-card'
import { chipDifferences, chipName, type ChipDifference } from '../../../shared/identity/chip-identity'
import { proposeNameSplit, splitNameAt } from '../../../shared/identity/chip-name-split'
import { call, errorOf } from '../api/kyc'
import { useCaptureStore } from './capture'
import { fillFromChip, hasTypedIdentity } from './chip-fill'
import { useChipReadStore } from './chip-read'

export type ReaderPhase = 'idle' | 'waiting' | 'confirm' | 'lift'
type CardRead = Extract<ReaderRead, { card: ChipCard }>

/**
 * Reading a card into the capture form: wait for a card, fill the form (asking first when it holds
 * another customer's data, showing where typing differs from the chip), then wait for the card to
 * be lifted before the next read arms. The same card read again is ignored.
 */
export const useIdCardReaderStore = defineStore('id-card-reader', () => {
  const capture = useCaptureStore()
  const chip = useChipReadStore()
  const status = ref<ReaderStatus | null>(null)
  const phase = ref<ReaderPhase>('idle')
  /** The last outcome worth telling the operator (a failure, a photo problem, an ignored repeat). */
  const notice = ref<IdCardReadFailure | 'same-card' | 'removed' | null>(null)
  const pending = ref<CardRead | null>(null)
  const differences = ref<ChipDifference[]>([])
  const error = ref<IpcError | null>(null)

  // A new customer (or another draft) leaves the previous chip behind.
  watch(
    () => capture.draftId,
    (id) => {
      if (chip.draftId !== null && id !== chip.draftId) chip.clear()
    },
  )

  async function refreshStatus(): Promise<void> {
    try {
      status.value = await call('reader:status', {})
      chip.acceptResidencePermits = status.value.acceptResidencePermits
      error.value = null
    } catch (thrown) {
      error.value = errorOf(thrown)
    }
  }

  async function read(): Promise<void> {
    if (phase.value === 'waiting' || phase.value === 'lift') return
    notice.value = null
    error.value = null
    try {
      const draftId = await capture.ensureDraft()
      phase.value = 'waiting'
      const result = await call('reader:read', { id: draftId })
      phase.value = 'idle'
      if (!('card' in result)) {
        notice.value = result.outcome
        if (result.outcome !== 'cancelled') void refreshStatus()
        return
      }
      if (result.outcome === 'photo-failed') notice.value = 'photo-failed'
      receive(draftId, result)
    } catch (thrown) {
      phase.value = 'idle'
      error.value = errorOf(thrown)
    }
  }

  function receive(draftId: string, result: CardRead): void {
    const sameCard = chip.draftId === draftId && chip.card?.number === result.card.number && chip.card.kind === result.card.kind
    if (sameCard) {
      notice.value = 'same-card'
      void awaitRemoval()
      return
    }
    const split = proposeNameSplit(chipName(result.card))
    differences.value = chipDifferences(capture.form.identity, result.card, split)
    // Another customer's data on the form (typed, or another card): ask before replacing it.
    if (hasTypedIdentity(capture.form.identity) && (chip.card !== null || differences.value.length > 0)) {
      pending.value = result
      phase.value = 'confirm'
      return
    }
    apply(draftId, result)
  }

  function apply(draftId: string, result: CardRead): void {
    const split = proposeNameSplit(chipName(result.card))
    chip.set({ draftId, card: result.card, split, photoDataUrl: result.outcome === 'read' ? result.photoDataUrl : null })
    fillFromChip(capture.form.identity, result.card, split)
    void awaitRemoval()
  }

  function confirmReplace(): void {
    const result = pending.value
    pending.value = null
    differences.value = []
    phase.value = 'idle'
    if (result && capture.draftId) apply(capture.draftId, result)
  }

  function keepTyped(): void {
    pending.value = null
    phase.value = 'idle'
    void awaitRemoval()
  }

  /** The name split moved by the operator; the form follows, and a confirmation given before lapses. */
  function moveSplit(at: number): void {
    if (!chip.card || !chip.split) return
    const moved = splitNameAt(chipName(chip.card), at, chip.split.reason, chip.split.confident)
    chip.split = moved
    capture.form.identity.surname = moved.surname
    capture.form.identity.givenName = moved.givenName
    capture.withdrawWarning('surname', 'chip.split-unconfirmed')
  }

  /** The operator's confirmation of an uncertain split: the override main checks before queueing. */
  function confirmSplit(reason: string): void {
    capture.acceptWarning({ field: 'surname', code: 'chip.split-unconfirmed', reason })
  }

  async function awaitRemoval(): Promise<void> {
    phase.value = 'lift'
    try {
      const { outcome } = await call('reader:await-removal', {})
      if (outcome === 'removed') notice.value = notice.value === 'same-card' || notice.value === 'photo-failed' ? notice.value : 'removed'
    } catch (thrown) {
      error.value = errorOf(thrown)
    } finally {
      if (phase.value === 'lift') phase.value = 'idle'
    }
  }

  async function cancel(): Promise<void> {
    await call('reader:cancel', {}).catch(() => undefined)
  }

  return { status, phase, notice, pending, differences, error, refreshStatus, read, confirmReplace, keepTyped, moveSplit, confirmSplit, cancel }
})
