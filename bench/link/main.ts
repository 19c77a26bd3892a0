import { defaultSettings } from '../../shared/domain/settings'
import { startSandboxProcess, type SandboxProcess } from '../lib/sandbox-process'
import { round } from '../lib/stats'
import type { BenchOptions, BenchResult } from '../lib/types'
import { prepareBare } from '../sync/bare-run'
import { prepareEngine } from '../sync/engine-run'
import { IMAGE_BYTES, SampleImages } from '../sync/images'
import { shaperShareOfLine } from './shaper-check'

/** A branch office's line: 40 ms more per request, 20 Mbit/s of upload shared by everything. */
const LINK = { latencyMs: 40, uploadMbps: 20 } as const
const TARGET = 0.9

/** One timed run on a freshly reset sandbox with fresh accounts. */
async function timed(sandbox: SandboxProcess, prepare: typeof prepareEngine, n: number, images: SampleImages, concurrency: number): Promise<number> {
  await sandbox.resetData()
  const users = await sandbox.createUsers(n)
  const run = await prepare(sandbox, users, images, concurrency)
  try {
    return await run.go()
  } finally {
    await run.cleanup()
  }
}

/**
 * Sync over a branch-like link (the sandbox's `link` option): how close the engine, with its
 * default settings, comes to the line's own limit, the images' bytes over its bandwidth. The bare
 * script runs on the same link with the same concurrency, for comparison.
 */
export async function run({ quick }: BenchOptions): Promise<BenchResult> {
  const n = quick ? 8 : 24
  const concurrency = defaultSettings.sync.concurrency
  // The shaper alone, one bulk upload: what any client could reach on this line at best.
  const shaperShare = await shaperShareOfLine(LINK, 4 * 1024 * 1024)
  const sandbox = await startSandboxProcess({ link: LINK })
  const images = new SampleImages()
  try {
    await timed(sandbox, prepareEngine, 2, images, concurrency)
    const engineMs = await timed(sandbox, prepareEngine, n, images, concurrency)
    const bareMs = await timed(sandbox, prepareBare, n, images, concurrency)
    const limitMs = (n * 3 * IMAGE_BYTES * 8) / (LINK.uploadMbps * 1000)
    const engineShare = limitMs / engineMs
    const bareShare = limitMs / bareMs
    return {
      name: 'link',
      metrics: {
        applicants: n,
        concurrency,
        latencyMs: LINK.latencyMs,
        uploadMbps: LINK.uploadMbps,
        linkLimitMs: round(limitMs, 0),
        engineMs: round(engineMs, 0),
        bareMs: round(bareMs, 0),
        engineShareOfLink: round(engineShare, 3),
        bareShareOfLink: round(bareShare, 3),
        shaperShareOfLine: round(shaperShare, 3),
      },
      target: `engine throughput >= ${TARGET} of the link's limit (images' bytes / bandwidth)`,
      ratio: round(engineShare, 3),
      passed: engineShare >= TARGET,
      notes: `Link: ${LINK.latencyMs} ms added to each request, ${LINK.uploadMbps} Mbit/s upload shared (the sandbox's link option). ${n} applicants, 3 images of ${IMAGE_BYTES / 1024} KiB each; the line alone needs ${Math.round(limitMs)} ms. Engine at default settings (concurrency ${concurrency} uploading, as many again past their uploads) ${Math.round(engineMs)} ms, bare script (${concurrency} applicants at a time) ${Math.round(bareMs)} ms. The shaper alone: one 4 MiB upload reaches ${round(shaperShare, 3)} of the line.`,
    }
  } finally {
    await sandbox.close()
  }
}
