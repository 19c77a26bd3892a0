import type { IdCardReadResult } from '../../../../shared/domain/id-card'
import type { IdCardReader, Pause, ReaderProtocol, RemovalOutcome } from './reader-port'

/** Vendors advise polling no faster than every 300 ms; public clients use 500 ms. */
export const POLL_INTERVAL_MS = 500

/** Faults the operator must act on: waiting longer cannot fix them. */
const stopsWaiting = new Set<IdCardReadResult['outcome']>(['unreachable', 'busy', 'no-device', 'unsupported-card'])

/**
 * Turns one protocol's single questions into the port: `read` polls until a card answers, and
 * remembers it, so that a read failure while that card was never lifted is named for what it is.
 * A reader that fails right after a good read almost always still holds that card (GA/T 467 readers
 * refuse to select a card twice without a lift).
 */
export function pollingReader(protocol: ReaderProtocol, pause: Pause): IdCardReader {
  let cardStillOn = false

  function remember(result: IdCardReadResult): IdCardReadResult {
    if (result.outcome === 'read' || result.outcome === 'photo-failed') cardStillOn = true
    if (result.outcome === 'no-card') cardStillOn = false
    if (result.outcome === 'read-failed' && cardStillOn) return { outcome: 'not-lifted' }
    return result
  }

  return {
    status: (signal) => protocol.probe(signal ?? AbortSignal.timeout(5_000)),
    async read(signal) {
      for (;;) {
        if (signal.aborted) return { outcome: 'cancelled' }
        const result = remember(await protocol.readOnce(signal))
        if (signal.aborted) return { outcome: 'cancelled' }
        if (result.outcome !== 'no-card') return result
        await pause(POLL_INTERVAL_MS, signal)
      }
    },
    async awaitRemoval(signal): Promise<RemovalOutcome> {
      for (;;) {
        if (signal.aborted) return 'cancelled'
        const result = await protocol.readOnce(signal)
        if (signal.aborted) return 'cancelled'
        if (result.outcome === 'no-card') {
          cardStillOn = false
          return 'removed'
        }
        if (stopsWaiting.has(result.outcome)) return 'unknown'
        await pause(POLL_INTERVAL_MS, signal)
      }
    },
    close: () => protocol.close(),
  }
}
