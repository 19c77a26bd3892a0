import type { ApplicantStatus } from '../../../shared/domain/status'
import type { StepChange } from '../../core/queue/types'
import type { SyncEngineState } from '../../core/sync'
import type { MessageLocale } from '../../../shared/i18n'
import { sayIn, wordStatusCounts, wordStepError, type Say } from '../words'

export interface SyncOutput {
  step(change: StepChange): void
  state(state: SyncEngineState, counts: Readonly<Record<ApplicantStatus, number>>): void
  finish(counts: Readonly<Record<ApplicantStatus, number>>, exitCode: number): void
}

/** `--json`: one JSON object per line, the same step changes the app's renderer receives. */
export function jsonLinesOutput(out: NodeJS.WritableStream): SyncOutput {
  const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`)
  return {
    step: (change) => line({ event: 'step', ...change }),
    state: (state, counts) => line({ event: 'state', ...state, counts }),
    finish: (counts, exitCode) => line({ event: 'finished', counts, exitCode }),
  }
}

const BAR_WIDTH = 30

function summary(state: SyncEngineState, counts: Readonly<Record<ApplicantStatus, number>>, say: Say): string {
  const done = counts.submitted + counts['liveness-pending'] + counts.verified
  const total = done + counts.queued + counts.syncing + counts['waiting-retry'] + counts['needs-attention'] + counts['needs-new-qr']
  // Nothing to sync is idle, not a full bar for 0 of 0.
  const filled = total === 0 ? 0 : Math.round((done / total) * BAR_WIDTH)
  const parts = [`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${total === 0 ? say('sync.idle') : say('sync.submitted', { done, total })}`]
  if (counts['waiting-retry'] > 0) parts.push(say('sync.waitingRetry', { n: counts['waiting-retry'] }))
  if (counts['needs-attention'] > 0) parts.push(say('sync.needsAttention', { n: counts['needs-attention'] }))
  if (counts['needs-new-qr'] > 0) parts.push(say('sync.needsNewQr', { n: counts['needs-new-qr'] }))
  if (!state.online) parts.push(say('sync.offline'))
  if (state.paused) parts.push(say('sync.paused'))
  return parts.join(' · ')
}

/**
 * A terminal: one progress line redrawn in place, plus a line for each applicant that needs a
 * person (ours worded, the platform's message as it came), in the operator's language. Without a terminal the line is printed on each change.
 */
export function progressOutput(out: NodeJS.WritableStream & { isTTY?: boolean }, locale: MessageLocale): SyncOutput {
  const say = sayIn(locale)
  const tty = out.isTTY === true
  let last = ''
  const draw = (text: string) => {
    if (text === last) return
    last = text
    out.write(tty ? `\r\u001b[2K${text}` : `${text}\n`)
  }
  return {
    step: (change) => {
      if (change.state !== 'failed' || change.error === null) return
      const text = say('sync.stepFailed', { id: change.applicantId, step: change.step, text: wordStepError(change.error, locale), code: change.error.code })
      out.write(tty ? `\r\u001b[2K${text}\n` : `${text}\n`)
      last = ''
    },
    state: (state, counts) => draw(summary(state, counts, say)),
    finish: (counts) => {
      const text = wordStatusCounts(
        Object.entries(counts).filter(([, n]) => n > 0),
        locale,
      )
      out.write(`${tty ? '\n' : ''}${text || say('sync.noApplicants')}\n`)
    },
  }
}
