import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Core } from '../../electron/core/app/create-core'
import { DB_FILE } from '../../electron/core/queue/store'
import { todayGlance } from '../../electron/core/reports/today-glance'
import { sample, type Timing } from './read-queries'

/**
 * The Today screen's computation over the seeded history, for the seed's last day (the seed's
 * clock, not the bench's: a seed cached days ago would otherwise have an empty "today").
 */
export async function todayGlanceTiming(core: Core, dataDir: string, iterations: number): Promise<Timing & { submittedToday: number }> {
  const db = new Database(join(dataDir, DB_FILE), { readonly: true })
  const lastEventAt = db.prepare('SELECT max(at) FROM events').pluck().get()
  db.close()
  if (typeof lastEventAt !== 'number') throw new Error('the seed has no events')
  const options = { now: lastEventAt, timeZone: 'Asia/Shanghai' }
  const timing = await sample(iterations, () => todayGlance(core.store, options))
  return { ...timing, submittedToday: todayGlance(core.store, options).submitted }
}
