import type { IdCardReadResult, IdCardReaderState } from '../../../../shared/domain/id-card'

export type RemovalOutcome = 'removed' | 'cancelled' | 'unknown'

/**
 * A desktop ID card reader, whatever reaches it (a vendor web service, a helper process). One
 * owner at a time: the capture service holds it for the session.
 */
export interface IdCardReader {
  /** A quick probe for the status chip; never waits for a card. */
  status(signal?: AbortSignal): Promise<IdCardReaderState>
  /** Waits for a card (polling the device) until one is read, a fault stops it, or `signal` aborts. */
  read(signal: AbortSignal): Promise<IdCardReadResult>
  /** Waits until the card just read is lifted: the next read arms only then. */
  awaitRemoval(signal: AbortSignal): Promise<RemovalOutcome>
  close(): Promise<void>
}

/** One question to the device, as each protocol asks it; the polling around it is shared. */
export interface ReaderProtocol {
  readonly name: 'cvr-web' | 'zk-online'
  probe(signal: AbortSignal): Promise<IdCardReaderState>
  readOnce(signal: AbortSignal): Promise<IdCardReadResult>
  close(): Promise<void>
}

/** Waiting between polls, injected so tests step time instead of sleeping. */
export type Pause = (ms: number, signal: AbortSignal) => Promise<void>

export const realPause: Pause = (ms, signal) =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
