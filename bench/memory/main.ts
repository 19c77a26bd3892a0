import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { createCore } from '../../electron/core/app/create-core'
import { EnvKeyProvider } from '../../electron/core/vault/env-key-provider'
import { startSandboxProcess } from '../lib/sandbox-process'
import { seededDataDir } from '../lib/seed-queue'
import { mb, round } from '../lib/stats'
import type { BenchOptions, BenchResult } from '../lib/types'
import { queueApplicants, submittedCount } from '../sync/engine-run'
import { SampleImages } from '../sync/images'
import { RssSampler, settledMemory } from './rss-sampler'

const PEAK_TARGET_MB = 300
/** Growth from the first batch's settled heap to the third's that still counts as none. */
const GROWTH_TOLERANCE_MB = 5
const BATCHES = 3

/**
 * The core as Electron main runs it (createCore: store, event bus, progress publisher, sync
 * status, the engine) over a database with history, against the sandbox in another process,
 * syncing three batches in a row.
 * Each batch is queued while the engine is paused, then synced; the peak is sampled during the
 * sync, and the settled RSS and heap are read after forced collections between batches.
 */
export async function run({ quick }: BenchOptions): Promise<BenchResult> {
  const n = quick ? 100 : 1_000
  const sandbox = await startSandboxProcess()
  // A branch's months of history (10,000 applicants, 100,000 events) under the new batches.
  const dir = seededDataDir()
  const core = await createCore({
    dataDir: dir,
    appVersion: '0.0.0-bench',
    keyProvider: new EnvKeyProvider({ KYC_DESK_KEY: randomBytes(32).toString('hex') }),
    training: { api: sandbox.api, oss: sandbox.oss, bucket: sandbox.bucket, users: [], admin: sandbox.admin },
  })
  const images = new SampleImages()
  const sampler = new RssSampler()
  const before = await settledMemory()
  const peaks: number[] = []
  const settled: Array<{ rss: number; heapUsed: number }> = []
  const syncMs: number[] = []
  try {
    for (let b = 0; b < BATCHES; b += 1) {
      core.sync.current.pause()
      await sandbox.resetData()
      const users = await sandbox.createUsers(n)
      await queueApplicants(core.store, users, images, b * n)
      await settledMemory()
      const done = submittedCount(core.store, n)
      sampler.start()
      const started = performance.now()
      core.sync.current.resume()
      await done
      syncMs.push(performance.now() - started)
      peaks.push(sampler.stop())
      settled.push(await settledMemory())
      process.stderr.write(`memory: batch ${b + 1}/${BATCHES}: peak ${mb(peaks.at(-1) ?? 0)} MB, settled ${mb(settled.at(-1)?.rss ?? 0)} MB\n`)
    }
  } finally {
    await core.close()
    await sandbox.close()
    rmSync(dir, { recursive: true, force: true })
  }
  const peak = Math.max(...peaks)
  const first = settled[0] ?? { rss: 0, heapUsed: 0 }
  const last = settled.at(-1) ?? first
  const heapGrowthMb = mb(last.heapUsed - first.heapUsed)
  const metrics: Record<string, number> = {
    applicantsPerBatch: n,
    rssBeforeMb: mb(before.rss),
    peakRssMb: mb(peak),
    maxRssKernelMb: round(process.resourceUsage().maxRSS / 1024, 1),
    rssGrowthMb: mb(last.rss - first.rss),
    heapGrowthMb,
    syncMsPerApplicant: round(syncMs.reduce((a, b) => a + b, 0) / (n * BATCHES), 1),
  }
  settled.forEach((s, i) => {
    metrics[`rssAfterBatch${i + 1}Mb`] = mb(s.rss)
    metrics[`heapAfterBatch${i + 1}Mb`] = mb(s.heapUsed)
  })
  return {
    name: 'memory',
    metrics,
    target: `peak RSS < ${PEAK_TARGET_MB} MB while syncing; heap after batch 3 - after batch 1 < ${GROWTH_TOLERANCE_MB} MB`,
    ratio: null,
    passed: mb(peak) < PEAK_TARGET_MB && heapGrowthMb < GROWTH_TOLERANCE_MB,
    notes:
      `Peak is the largest RSS sampled every 50 ms during each batch's sync (queueing excluded); maxRssKernelMb is the process's lifetime maximum, queueing included. ` +
      `Runs under tsx, whose loader thread adds some RSS that the bundled Electron main does not have.`,
  }
}
