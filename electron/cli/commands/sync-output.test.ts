import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { applicantStatuses, type ApplicantStatus } from '../../../shared/domain/status'
import type { SyncEngineState } from '../../core/sync/engine-state'
import { progressOutput } from './sync-output'

const counts = (over: Partial<Record<ApplicantStatus, number>>) =>
  Object.fromEntries(applicantStatuses.map((s) => [s, over[s] ?? 0])) as Record<ApplicantStatus, number>
const state: SyncEngineState = { running: true, paused: false, diskFull: false, online: true, inFlight: 0, queued: 0 }

function lineFor(over: Partial<Record<ApplicantStatus, number>>, locale: 'en' | 'zh-CN'): string {
  const out = new PassThrough()
  const chunks: string[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()))
  progressOutput(out, locale).state(state, counts(over))
  return chunks.join('')
}

describe('the sync progress line', () => {
  it('is idle with an empty bar when there is nothing to sync, never full for 0 of 0', () => {
    expect(lineFor({}, 'en')).toBe(`[${'.'.repeat(30)}] nothing to sync\n`)
    expect(lineFor({}, 'zh-CN')).toBe(`[${'.'.repeat(30)}] 没有待同步的申请人\n`)
  })

  it('fills in proportion to what is submitted', () => {
    expect(lineFor({ submitted: 1, queued: 1 }, 'en')).toBe(`[${'#'.repeat(15)}${'.'.repeat(15)}] 1/2 submitted\n`)
  })
})
