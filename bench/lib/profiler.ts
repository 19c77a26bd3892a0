import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import { selfTimes, type SelfTime } from './profile-summary'

export const profileDir = join(import.meta.dirname, '..', '.data', 'profiles')

/**
 * Runs `work` under the V8 sampling profiler of this process (the same data as `node --cpu-prof`,
 * but only for the window that is timed, not set-up and clean-up) and saves the profile as
 * bench/.data/profiles/<label>.cpuprofile. Returns the top self-time functions.
 */
export async function profiled<T>(label: string, work: () => Promise<T>, top = 12): Promise<{ value: T; top: SelfTime[]; totalMs: number }> {
  const session = new Session()
  session.connect()
  try {
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: 500 })
    await session.post('Profiler.start')
    const value = await work()
    const { profile } = await session.post('Profiler.stop')
    mkdirSync(profileDir, { recursive: true })
    const file = join(profileDir, `${label}.cpuprofile`)
    writeFileSync(file, JSON.stringify(profile))
    const summary = selfTimes(file, top)
    return { value, top: summary.rows, totalMs: summary.totalMs }
  } finally {
    session.disconnect()
  }
}

/** One line per function for a result's notes: `31% sqliteTransaction (better-sqlite3)`. */
export function describeTop(rows: readonly SelfTime[], count = 8): string {
  return rows
    .slice(0, count)
    .map((r) => `${Math.round(r.share * 100)}% ${r.fn} (${r.where})`)
    .join('; ')
}
