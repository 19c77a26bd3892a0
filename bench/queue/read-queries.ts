import { percentile, round } from '../lib/stats'
import type { CoreSession } from './core-session'

export interface Timing {
  readonly p50: number
  readonly p95: number
}

/** Times a call `iterations` times after two warm-up calls, each after the untimed `before`. */
export async function sample(iterations: number, call: () => Promise<unknown> | unknown, before: () => void = () => undefined): Promise<Timing> {
  await call()
  await call()
  const times: number[] = []
  for (let i = 0; i < iterations; i += 1) {
    before()
    const started = performance.now()
    await call()
    times.push(performance.now() - started)
  }
  return { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2) }
}

async function ok(result: Promise<{ ok: boolean }>): Promise<void> {
  const r = await result
  if (!r.ok) throw new Error(`IPC call failed: ${JSON.stringify(r)}`)
}

/** The dashboard's page size (renderer/src/stores/applicants.ts PAGE_SIZE): what one scroll-in fetches. */
export const DASHBOARD_PAGE = 200

/** The dashboard's reads, through the IPC path main serves them (validation included), and the bare store calls. */
export async function readQueries(session: CoreSession, iterations: number) {
  const { invoke, core } = session
  const list = (request: object) => () => ok(invoke('applicants:list', request))
  return {
    counts: await sample(iterations, () => ok(invoke('applicants:counts', {}))),
    // The store keeps the last count until a row changes; after any write it is counted afresh.
    countsAfterWrite: await sample(iterations, () => ok(invoke('applicants:counts', {})), () => core.store.settings.set('bench.touch', Date.now(), Date.now())),
    list: await sample(iterations, list({ limit: DASHBOARD_PAGE })),
    list200: await sample(iterations, list({ limit: 200 })),
    listByStatus: await sample(iterations, list({ status: 'waiting-retry', limit: DASHBOARD_PAGE })),
    listDeepPage: await sample(iterations, list({ offset: 9_000, limit: DASHBOARD_PAGE })),
    listSearch: await sample(iterations, list({ search: '····12', limit: DASHBOARD_PAGE })),
    listAll: await sample(Math.max(3, Math.floor(iterations / 10)), list({ limit: 10_000 })),
    storeCounts: await sample(iterations, () => core.store.applicants.countsByStatus()),
    storeList: await sample(iterations, () => core.store.applicants.list({ limit: DASHBOARD_PAGE })),
  }
}
