import type { ApplicantStatus } from '../../../shared/domain/status'
import type { StepChange } from '../../core/queue/types'
import type { SyncEngineState } from '../../core/sync'

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

function summary(state: SyncEngineState, counts: Readonly<Record<ApplicantStatus, number>>): string {
  const done = counts.submitted + counts['liveness-pending'] + counts.verified
  const total = done + counts.queued + counts.syncing + counts['waiting-retry'] + counts['needs-attention'] + counts['needs-new-qr']
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH)
  const parts = [`[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} submitted`]
  if (counts['waiting-retry'] > 0) parts.push(`${counts['waiting-retry']} waiting to retry`)
  if (counts['needs-attention'] > 0) parts.push(`${counts['needs-attention']} need attention`)
  if (counts['needs-new-qr'] > 0) parts.push(`${counts['needs-new-qr']} need a new account QR`)
  if (!state.online) parts.push('offline, probing')
  if (state.paused) parts.push('paused')
  return parts.join(' · ')
}

/**
 * A terminal: one progress line redrawn in place, plus a line for each applicant that needs a
 * person (with the platform's message). Without a terminal the line is printed on each change.
 */
export function progressOutput(out: NodeJS.WritableStream & { isTTY?: boolean }): SyncOutput {
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
      const text = `${change.applicantId} ${change.step}: ${change.error.message} (${change.error.code})`
      out.write(tty ? `\r\u001b[2K${text}\n` : `${text}\n`)
      last = ''
    },
    state: (state, counts) => draw(summary(state, counts)),
    finish: (counts) => {
      const text = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([status, n]) => `${status} ${n}`)
        .join(', ')
      out.write(`${tty ? '\n' : ''}${text || 'no applicants'}\n`)
    },
  }
}
