import type { ReaderRead, ReaderStatus } from '../../../../shared/contract/id-card-reader'
import type { ChipCard, ChipPhoto, IdCardReadResult } from '../../../../shared/domain/id-card'
import type { Settings } from '../../../../shared/domain/settings'
import type { Logger } from '../../log/logger'
import { chooseReader, createIdCardReader, type ReaderChoice, type TrainingReaderEndpoints } from './create-reader'
import type { IdCardReader, Pause, RemovalOutcome } from './reader-port'

/** How long "请将证件放在读卡区" waits before saying no card came. */
export const READ_WAIT_MS = 30_000

export interface ReaderSessionDeps {
  readonly settings: () => Settings
  readonly training: () => TrainingReaderEndpoints | null
  readonly log: Logger
  readonly pause?: Pause
  readonly waitMs?: number
}

function dataUrl(photo: ChipPhoto): string {
  return `data:${photo.mime};base64,${Buffer.from(photo.bytes).toString('base64')}`
}

function view(result: IdCardReadResult): ReaderRead {
  switch (result.outcome) {
    case 'read':
      return result.photo ? { outcome: 'read', card: result.card, photoDataUrl: dataUrl(result.photo) } : { outcome: 'photo-failed', card: result.card }
    case 'photo-failed':
      return { outcome: 'photo-failed', card: result.card }
    default:
      return { outcome: result.outcome }
  }
}

/**
 * The desk's one reader, for the capture screen: built from the settings (the emulator in training
 * mode), one read or removal wait at a time, and what was read kept per draft in memory only, so
 * main checks the form against the chip again before queueing. The chip photo is handed to the
 * screen and not kept: the app has no consent text for storing it.
 */
export class IdCardReaderSession {
  private built: { key: string; choice: ReaderChoice; reader: IdCardReader | null } | null = null
  private running: AbortController | null = null
  private readonly reads = new Map<string, ChipCard>()

  constructor(private readonly deps: ReaderSessionDeps) {}

  private current(): { choice: ReaderChoice; reader: IdCardReader | null } {
    const choice = chooseReader(this.deps.settings().idCardReader, this.deps.training())
    const key = JSON.stringify(choice)
    if (this.built?.key !== key) {
      this.cancel()
      void this.built?.reader?.close()
      this.built = { key, choice, reader: createIdCardReader(choice, this.deps.pause) }
    }
    return this.built
  }

  /** One task at a time: a new read or wait cancels the one before. */
  private start(): AbortController {
    this.cancel()
    const controller = new AbortController()
    this.running = controller
    return controller
  }

  async status(): Promise<ReaderStatus> {
    const { choice, reader } = this.current()
    const settings = this.deps.settings().idCardReader
    const state = reader ? await reader.status() : 'off'
    return { adapter: choice.adapter, state, emulated: this.deps.training() !== null, acceptResidencePermits: settings.acceptResidencePermits }
  }

  async read(applicantId: string): Promise<ReaderRead> {
    const { reader } = this.current()
    if (!reader) return { outcome: 'no-device' }
    const controller = this.start()
    const timeout = AbortSignal.timeout(this.deps.waitMs ?? READ_WAIT_MS)
    const result = await reader.read(AbortSignal.any([controller.signal, timeout]))
    if (this.running === controller) this.running = null
    // Waiting ran out rather than the operator cancelling: no card came.
    const outcome = result.outcome === 'cancelled' && timeout.aborted && !controller.signal.aborted ? { outcome: 'no-card' as const } : result
    if (outcome.outcome === 'read' || outcome.outcome === 'photo-failed') this.reads.set(applicantId, outcome.card)
    this.deps.log.info('reader.read', { outcome: outcome.outcome, kind: 'card' in outcome ? outcome.card.kind : null })
    return view(outcome)
  }

  async awaitRemoval(): Promise<RemovalOutcome> {
    const { reader } = this.current()
    if (!reader) return 'unknown'
    const controller = this.start()
    const outcome = await reader.awaitRemoval(controller.signal)
    if (this.running === controller) this.running = null
    return outcome
  }

  cancel(): void {
    this.running?.abort()
    this.running = null
  }

  /** The card last read into this draft, if any. */
  chipFor(applicantId: string): ChipCard | null {
    return this.reads.get(applicantId) ?? null
  }

  forget(applicantId: string): void {
    this.reads.delete(applicantId)
  }

  async close(): Promise<void> {
    this.cancel()
    this.reads.clear()
    await this.built?.reader?.close()
    this.built = null
  }
}
