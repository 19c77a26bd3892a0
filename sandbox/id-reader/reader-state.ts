import { z } from 'zod'
import { findSyntheticCard, type SyntheticCard } from './synthetic-cards'

/** What a test or trainer can make the emulated reader do; one fault at a time, until cleared. */
export const readerFaults = ['unreachable', 'busy', 'no-card', 'not-lifted', 'read-failed', 'photo-failed', 'malformed-json'] as const
export const readerFaultSchema = z.enum(readerFaults)
export type ReaderFault = z.infer<typeof readerFaultSchema>

export type ReaderAnswer =
  | { kind: 'drop' }
  | { kind: 'busy' }
  | { kind: 'no-card' }
  | { kind: 'read-failed' }
  | { kind: 'card'; card: SyntheticCard; photo: boolean; malformed: boolean }

/**
 * The emulated reader: the card on it, the injected fault and delay. A card once read stays
 * "selected" until it is lifted; with the `not-lifted` fault, later reads fail as a GA/T 467 reader
 * fails when asked to select the same card twice.
 */
export class ReaderState {
  private card: SyntheticCard | null = null
  private readSincePlaced = false
  private fault: ReaderFault | null = null
  private delay = 0

  place(cardId: string): SyntheticCard | null {
    const card = findSyntheticCard(cardId)
    if (!card) return null
    this.card = card
    this.readSincePlaced = false
    return card
  }

  remove(): void {
    this.card = null
    this.readSincePlaced = false
  }

  inject(fault: ReaderFault | null, delayMs: number): void {
    this.fault = fault
    this.delay = delayMs
  }

  get delayMs(): number {
    return this.delay
  }

  describe() {
    return { card: this.card?.id ?? null, fault: this.fault, delayMs: this.delay }
  }

  /** Whether the service itself answers at all (the ZK `/info`, the 华视 `OpenDevice`). */
  serviceAnswer(): 'drop' | 'busy' | 'ok' {
    if (this.fault === 'unreachable') return 'drop'
    if (this.fault === 'busy') return 'busy'
    return 'ok'
  }

  /** One read request. */
  read(): ReaderAnswer {
    const service = this.serviceAnswer()
    if (service !== 'ok') return { kind: service }
    if (this.card === null || this.fault === 'no-card') return { kind: 'no-card' }
    if (this.fault === 'read-failed') return { kind: 'read-failed' }
    if (this.fault === 'not-lifted' && this.readSincePlaced) return { kind: 'read-failed' }
    this.readSincePlaced = true
    return { kind: 'card', card: this.card, photo: this.fault !== 'photo-failed', malformed: this.fault === 'malformed-json' }
  }
}
